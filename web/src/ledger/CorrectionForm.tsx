// Nothing in the ledger is edited or deleted: a mistaken entry is reversed exactly by a correction that
// says why, and the right entry is then recorded anew.
import { Alert, Paper, Stack, Text, Textarea, Group } from '@mantine/core';
import { IconArrowBackUp, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CorrectionInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check } from '../api/validate.ts';
import { formatDateTime } from '../app/format.ts';
import { ledgerApi, type LedgerEntry } from './api.ts';
import { entryAmount, KindBadge } from './entryText.tsx';
import { FormButtons, FormFailure, useSubmit } from './formKit.tsx';

export function CorrectionForm({
  entry,
  onDone,
  onCancel,
}: {
  entry: LedgerEntry;
  onDone: (entries: LedgerEntry[]) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(CorrectionInput, { seq: entry.seq, reason });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.correct(parsed.value));
    if (result) {
      notifySaved(`Entry #${entry.seq} reversed by #${result.entries[0]?.seq ?? '?'}.`, 'Corrected');
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Correct entry ${entry.seq}`}>
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="md">
          <Group gap="xs" mb={4}>
            <Text fw={700}>#{entry.seq}</Text>
            <KindBadge kind={entry.kind} />
            <Text fw={600} className="ok-figure">
              {entryAmount(entry)}
            </Text>
          </Group>
          <Text size="sm">
            {[entry.containerLabel, entry.patientName, formatDateTime(entry.occurredAt), entry.actorName]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Paper>
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          The correction reverses entry #{entry.seq} exactly; both stay in the ledger. If something did
          happen, record the right entry afterwards.
        </Alert>
        <FormFailure failure={failure} />
        <Textarea
          label="Why is it wrong?"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit={`Reverse #${entry.seq}`}
          icon={<IconArrowBackUp size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
