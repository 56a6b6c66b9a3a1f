// "Send questionnaire link": makes a one-time link for the patient's phone and shows it to copy.
// Offers every form the patient answers themselves; clinician-rated scales (MADRS) are entered by staff.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  CopyButton,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../api/notify.tsx';
import type { DueMeasure, Instrument, InstrumentId, QuestionnaireLink } from '../api/types.ts';
import { formatDateTime } from '../app/format.ts';
import { questionnairesApi } from '../questionnaires/api.ts';
import { shortName } from '../questionnaires/bands.ts';

function absolute(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

/** What the plan asks the patient for now, else the PHQ-9 (the usual depression measure). */
export function preselected(patientRated: readonly Instrument[], due: readonly DueMeasure[]): InstrumentId[] {
  const offered = new Set(patientRated.map((i) => i.id));
  const dueIds = [...new Set(due.filter((d) => !d.clinicianRated).map((d) => d.instrumentId))].filter((id) =>
    offered.has(id),
  );
  if (dueIds.length > 0) {
    return dueIds;
  }
  return offered.has('phq9') ? ['phq9'] : [];
}

export function QuestionnaireLinkCard({
  patientId,
  instruments: catalog,
  due = [],
}: {
  patientId: string;
  instruments: Instrument[];
  due?: DueMeasure[];
}) {
  const patientRated = catalog.filter((i) => i.rater !== 'clinician');
  const dueIds = new Set(due.filter((d) => !d.clinicianRated).map((d) => d.instrumentId));
  const [instruments, setInstruments] = useState<InstrumentId[]>(() => preselected(patientRated, due));
  const [hours, setHours] = useState('72');
  const [link, setLink] = useState<QuestionnaireLink | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      // In catalog order, so the phone asks them in the order staff see them here.
      const chosen = patientRated.map((i) => i.id).filter((id) => instruments.includes(id));
      setLink(
        await questionnairesApi.createLink(patientId, { instruments: chosen, expiresInHours: Number(hours) }),
      );
    } catch (error) {
      notifyError(error, 'Link not created');
    } finally {
      setBusy(false);
    }
  }

  const url = link ? absolute(link.url) : '';

  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        Send questionnaire link
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A one-time link the patient opens on their phone. No sign-in needed.
      </Text>
      <Stack gap="sm">
        <Checkbox.Group
          label="Questionnaires"
          description={dueIds.size > 0 ? 'Those due under the plan are ticked.' : undefined}
          value={instruments}
          onChange={setInstruments}
        >
          <Stack gap={8} mt={6}>
            {patientRated.map((instrument) => (
              <Checkbox
                key={instrument.id}
                value={instrument.id}
                label={
                  <Group gap={6} component="span" wrap="nowrap">
                    <Text span size="sm" fw={600}>
                      {shortName(instrument)}
                    </Text>
                    {dueIds.has(instrument.id) ? (
                      <Badge size="xs" color="orange" variant="light">
                        due
                      </Badge>
                    ) : null}
                  </Group>
                }
                description={`${instrument.title} · ${instrument.items.length} question${instrument.items.length === 1 ? '' : 's'}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label="Link expires after"
          size="sm"
          data={[
            { value: '24', label: '1 day' },
            { value: '72', label: '3 days' },
            { value: '168', label: '7 days' },
          ]}
          value={hours}
          onChange={(v) => setHours(v ?? '72')}
          allowDeselect={false}
          w={180}
        />
        <Button
          onClick={create}
          loading={busy}
          disabled={instruments.length === 0}
          leftSection={<IconLink size={18} aria-hidden />}
          w="fit-content"
        >
          Send questionnaire link
        </Button>
        {link ? (
          <Stack gap={4} data-testid="questionnaire-link">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label="Link for the patient"
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                size="sm"
                style={{ flex: 1 }}
              />
              <CopyButton value={url} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                    <ActionIcon
                      size={36}
                      variant={copied ? 'filled' : 'default'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      aria-label={copied ? 'Link copied' : 'Copy link'}
                    >
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Works once; expires {formatDateTime(link.expiresAt)}. Send it by text or email.
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
