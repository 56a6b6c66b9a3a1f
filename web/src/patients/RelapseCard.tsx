// Relapses: a clinician's judgement that symptoms or use returned, dated by the clinic day they returned.
// The first one after the induction series ends the patient's time on the outcome report's
// "first booster or relapse" curve. Physicians, nurses and therapists record them here.
import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  RELAPSE_NOTE_MAX,
  RelapseInput,
  relapseKindLabels,
  relapseKinds,
  type RelapseKind,
  type RelapseView,
} from '@openkap/domain/outcomes/relapse';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import { check, optionalText, type FieldErrors } from '../api/validate.ts';
import { formatDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { patientsApi } from './api.ts';

export function RelapseCard({
  patientId,
  relapses,
  today,
  onRecorded,
}: {
  patientId: string;
  relapses: readonly RelapseView[];
  today: string;
  onRecorded: (r: RelapseView) => void;
}) {
  const { can } = usePermissions();
  const [notedOn, setNotedOn] = useState(today);
  const [kind, setKind] = useState<RelapseKind | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(RelapseInput, { notedOn, kind, note: optionalText(note) });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { relapse } = await patientsApi.recordRelapse(patientId, parsed.value);
      onRecorded(relapse);
      notifySaved(`Relapse on ${formatDate(relapse.notedOn)} recorded.`);
      setKind(null);
      setNote('');
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Relapses
      </Title>
      {can('relapses.record') ? (
        <form onSubmit={submit} noValidate aria-label="Record relapse">
          <Stack gap="xs">
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <TextInput
                size="sm"
                label="Returned on"
                type="date"
                max={today}
                value={notedOn}
                onChange={(e) => setNotedOn(e.currentTarget.value)}
                error={errors.notedOn}
                style={{ flex: 1 }}
              />
              <Select
                size="sm"
                label="Kind"
                data={relapseKinds.map((k) => ({ value: k, label: relapseKindLabels[k] }))}
                value={kind}
                onChange={(v) => setKind(v as RelapseKind | null)}
                error={errors.kind}
                style={{ flex: 1 }}
              />
            </Group>
            <Textarea
              size="sm"
              label="Note"
              autosize
              minRows={1}
              maxLength={RELAPSE_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            <Group>
              <Button type="submit" size="sm" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
                Record relapse
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Stack gap="xs" mt="md">
        {relapses.length === 0 ? (
          <Text size="sm" c="dimmed">
            No relapse recorded.
          </Text>
        ) : (
          relapses.map((r) => (
            <div key={r.id}>
              <Text size="sm" fw={600}>
                {formatDate(r.notedOn)} · {relapseKindLabels[r.kind]}
              </Text>
              <Text size="xs" c="dimmed">
                Recorded by {r.recordedBy.name}
              </Text>
              {r.note ? <Text size="sm">{r.note}</Text> : null}
            </div>
          ))
        )}
      </Stack>
    </Card>
  );
}
