// The written notice of a theft or loss sent to the DEA Field Division (21 CFR 1301.76(b)): marking it
// sent closes the deadline on the ledger page. Recorded by those who answer for the registration.
import { Alert, Checkbox, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { NoticeInput, noticeMethods } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalText } from '../api/validate.ts';
import { formatDateTime } from '../app/format.ts';
import { ledgerApi, type LedgerEntry } from './api.ts';
import { noticeDeadline, type OpenNotice } from './compliance.ts';
import {
  ClinicDateTime,
  FormButtons,
  FormFailure,
  LateReasonField,
  useLateReason,
  useSubmit,
} from './formKit.tsx';
import { clinicLocalInput, clinicLocalToIso } from './time.ts';
import { formatMg } from './units.ts';

type Method = (typeof noticeMethods)[number];

const methodLabels: Record<Method, string> = {
  email: 'Email',
  fax: 'Fax',
  mail: 'Mail',
  hand_delivered: 'By hand',
};

export function NoticeForm({
  notice,
  timeZone,
  backdateLimitDays,
  onDone,
  onCancel,
}: {
  notice: OpenNotice;
  timeZone: string;
  backdateLimitDays: number;
  onDone: (entries: LedgerEntry[]) => void;
  onCancel: () => void;
}) {
  const methodLabel = useId();
  const [sentAt, setSentAt] = useState(() => clinicLocalInput(Date.now(), timeZone));
  const [method, setMethod] = useState<Method>('email');
  const [sentTo, setSentTo] = useState('');
  const [form106, setForm106] = useState(false);
  const late = useLateReason(sentAt, timeZone, backdateLimitDays);
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(NoticeInput, {
      seq: notice.seq,
      sentAt: clinicLocalToIso(sentAt, timeZone) ?? '',
      method,
      sentTo: optionalText(sentTo),
      form106Filed: form106,
      ...late.body,
    });
    if (!parsed.ok || late.issue) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...(late.issue ? { lateReason: late.issue } : {}) });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.notice(parsed.value));
    if (result) {
      notifySaved(`The DEA notice of entry #${notice.seq} is recorded as sent.`, 'Notice recorded');
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Mark the DEA notice sent">
      <Stack gap="sm">
        <Alert
          color={notice.state === 'overdue' ? 'red' : 'orange'}
          variant="light"
          icon={<IconMailForward aria-hidden />}
          title={noticeDeadline(notice)}
        >
          {notice.containerLabel ?? 'A vial'}: {formatMg(notice.lostUg)}{' '}
          {notice.kind === 'loss' ? 'lost' : 'found missing (review: significant)'}, discovered{' '}
          {formatDateTime(notice.discoveredAt)} (entry #{notice.seq}).
        </Alert>
        <Text size="sm" c="dimmed">
          Record the written notice sent to the DEA Field Division in your area. DEA Form 106 follows online
          within 45 days of discovery.
        </Text>
        <FormFailure failure={failure} />
        <ClinicDateTime label="Sent at" value={sentAt} onChange={setSentAt} error={errors.sentAt} />
        <Stack gap={4}>
          <Text id={methodLabel} size="sm" fw={500}>
            Sent by
          </Text>
          <SegmentedControl
            aria-labelledby={methodLabel}
            value={method}
            onChange={(v) => setMethod(v as Method)}
            data={noticeMethods.map((m) => ({ value: m, label: methodLabels[m] }))}
          />
        </Stack>
        <TextInput
          label="Field Division office"
          description="Optional, e.g. Chicago Division"
          value={sentTo}
          onChange={(e) => setSentTo(e.currentTarget.value)}
          error={errors.sentTo}
          maxLength={200}
        />
        <Checkbox
          label="DEA Form 106 was filed too"
          checked={form106}
          onChange={(e) => setForm106(e.currentTarget.checked)}
        />
        <LateReasonField late={late} error={errors.lateReason} />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Mark notice sent"
          icon={<IconMailForward size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
