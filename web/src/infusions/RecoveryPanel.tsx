// Recovery and discharge: PADSS or modified Aldrete (five items, 0–2 each, total live, ≥ 9 to leave),
// the escort's name and the instructions; "Discharge" stays disabled until all of it is true.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  SegmentedControl,
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

type ScoreType = InfusionCatalog['dischargeScales'][number]['id'];

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
  const [scoreType, setScoreType] = useState<ScoreType>(scales[0]?.id ?? 'padss');
  const [items, setItems] = useState<Record<string, number>>({});
  const [escortName, setEscortName] = useState(infusion.prechecks.escortName ?? '');
  const [instructionsGiven, setInstructionsGiven] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const scale = scales.find((s) => s.id === scoreType) ?? scales[0];
  if (!scale) {
    return null;
  }
  const scored = scale.items.filter((i) => items[i.id] != null).length;
  const total = scale.items.reduce((sum, i) => sum + (items[i.id] ?? 0), 0);
  const max = scale.items.reduce((sum, i) => sum + Math.max(0, ...i.options.map((o) => o.value)), 0);
  const complete = scored === scale.items.length;
  const fit = complete && total >= scale.fitAtOrAbove;
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reasons.length) {
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.discharge(infusion.id, {
        scoreType,
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
      <form onSubmit={submit} noValidate aria-label="Discharge">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Discharge score"
            value={scoreType}
            onChange={(v) => {
              setScoreType(v as ScoreType);
              setItems({});
            }}
            data={scales.map((s) => ({ value: s.id, label: s.title }))}
            fullWidth
          />
          {scale.items.map((item) => (
            <Radio.Group
              key={`${scoreType}-${item.id}`}
              label={item.label}
              value={items[item.id] != null ? String(items[item.id]) : null}
              onChange={(v) => setItems((prev) => ({ ...prev, [item.id]: Number(v) }))}
              size="sm"
            >
              <Stack gap={6} mt={6}>
                {item.options.map((o) => (
                  <Radio key={o.value} value={String(o.value)} label={`${o.value} — ${o.text}`} />
                ))}
              </Stack>
            </Radio.Group>
          ))}
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
