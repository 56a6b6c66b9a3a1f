// Recovery and discharge in two phases: a modified Aldrete ends phase 1 (Phase1Score); going home needs
// PADSS ≥ 9 (five items, 0–2 each, total live), the escort's name and the instructions. "Discharge"
// stays disabled until all of it is true.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconDoorExit } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Infusion, InfusionCatalog } from '../api/types.ts';
import { formatNumber } from '../app/format.ts';
import { infusionsApi } from './api.ts';
import { Phase1Score } from './Phase1Score.tsx';
import { ScaleItems, scaleTotals } from './ScaleItems.tsx';

export function RecoveryPanel({
  infusion,
  scales,
  onChange,
}: {
  infusion: Infusion;
  /** PADSS and modified Aldrete as the server scores them (GET /api/infusions/catalog). */
  scales: InfusionCatalog['dischargeScales'];
  onChange: (i: Infusion) => void;
}) {
  const [items, setItems] = useState<Record<string, number>>({});
  const [escortName, setEscortName] = useState(infusion.prechecks.escortName ?? '');
  const [instructionsGiven, setInstructionsGiven] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const scale = scales.find((s) => s.id === 'padss');
  const aldrete = scales.find((s) => s.id === 'aldrete');
  if (!scale) {
    return null;
  }
  const { scored, total, max, complete, fit } = scaleTotals(scale, items);
  const openAlerts = infusion.alerts.filter((a) => a.acknowledgedAt == null).length;

  const reasons: string[] = [];
  if (!complete) {
    reasons.push(`score all ${scale.items.length} items (${scored} done)`);
  } else if (!fit) {
    reasons.push(`${scale.title} must be ${scale.fitAtOrAbove} or more`);
  }
  if (!escortName.trim()) {
    reasons.push('name the escort');
  }
  if (!instructionsGiven) {
    reasons.push('give the discharge instructions');
  }
  const phase1 = infusion.recoveryScores.at(-1);
  if (phase1 && ((phase1.items.oxygenSaturation ?? 0) < 2 || (phase1.items.consciousness ?? 0) < 2)) {
    reasons.push('re-score phase 1 once off oxygen and fully awake');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reasons.length) {
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.discharge(infusion.id, {
        scoreType: 'padss',
        items,
        escortName: escortName.trim(),
        instructionsGiven,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onChange(updated);
      notifySaved(`${updated.patient.name} discharged.`, 'Discharged');
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const given = infusion.totalDoseMg ?? infusion.infused.mg;

  return (
    <Card padding="md" data-testid="recovery-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Recovery and discharge
        </Title>
        <Badge variant="light" color="clinic" size="lg" data-testid="total-dose">
          Total given {formatNumber(given, 1)} mg
        </Badge>
      </Group>
      {aldrete ? (
        <>
          <Phase1Score infusion={infusion} scale={aldrete} onChange={onChange} />
          <Divider my="sm" />
        </>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Discharge">
        <Stack gap="sm">
          <Text size="sm" fw={700}>
            Going home: {scale.title}
          </Text>
          <ScaleItems scale={scale} items={items} onChange={setItems} />
          <Group
            justify="space-between"
            p="sm"
            style={{
              borderRadius: 8,
              background: fit ? 'var(--mantine-color-teal-light)' : 'var(--mantine-color-orange-light)',
            }}
            data-testid="discharge-score"
            aria-live="polite"
          >
            <Text fw={700}>
              {scale.title} total:{' '}
              <Text span fz={26} fw={800} className="ok-figure">
                {total}
              </Text>{' '}
              / {max}
            </Text>
            {fit ? (
              <Badge color="teal" leftSection={<IconCircleCheck size={14} aria-hidden />}>
                Meets ≥ {scale.fitAtOrAbove}
              </Badge>
            ) : (
              <Badge color="orange" leftSection={<IconCircleDashed size={14} aria-hidden />}>
                {complete ? `Below ${scale.fitAtOrAbove}` : `${scored} of ${scale.items.length} scored`}
              </Badge>
            )}
          </Group>
          <TextInput
            label="Escort taking the patient home"
            required
            value={escortName}
            onChange={(e) => setEscortName(e.currentTarget.value)}
          />
          <Checkbox
            label="Discharge instructions given (no driving or important decisions until after a night's sleep)"
            checked={instructionsGiven}
            onChange={(e) => setInstructionsGiven(e.currentTarget.checked)}
          />
          <Textarea
            label="Note"
            placeholder="Optional"
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {openAlerts ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {openAlerts} alert{openAlerts === 1 ? '' : 's'} not yet acknowledged.
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Not discharged" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Button
            type="submit"
            size="lg"
            color="teal"
            disabled={reasons.length > 0}
            loading={busy}
            leftSection={<IconDoorExit size={22} aria-hidden />}
          >
            Discharge
          </Button>
          {reasons.length ? (
            <Text size="xs" c="dimmed">
              Before discharge: {reasons.join('; ')}.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
