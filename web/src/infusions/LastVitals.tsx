// The latest readings in big figures beside the chart. State is told three ways: colour, an icon and
// a word ("HIGH", "LOW", "in range"); stale readings say how old they are.
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangleFilled, IconArrowDown, IconCircleCheck, IconMinus } from '@tabler/icons-react';
import type { Infusion, Thresholds } from '../api/types.ts';
import { formatTime, minutesBetween } from '../app/format.ts';
import { useNow } from '../app/useNow.ts';
import { latestWith, vitalState, type VitalKey, type VitalState } from './vitalState.ts';

const STALE_MIN = 5;

function limitText(key: VitalKey, t: Thresholds): string {
  if (key === 'hr') {
    return t.hrHigh != null ? `alert ≥ ${t.hrHigh}${t.hrSustainMin ? ` for ${t.hrSustainMin} min` : ''}` : '';
  }
  if (key === 'bp') {
    return t.sbpHigh != null ? `alert ≥ ${t.sbpHigh}/${t.dbpHigh ?? '—'}` : '';
  }
  if (key === 'spo2') {
    return t.spo2Low != null ? `alert < ${t.spo2Low}` : '';
  }
  return '';
}

function StateLine({ state }: { state: VitalState }) {
  if (state === 'high' || state === 'low') {
    return (
      <Group gap={4} c="red" wrap="nowrap">
        {state === 'high' ? (
          <IconAlertTriangleFilled size={16} aria-hidden />
        ) : (
          <IconArrowDown size={16} aria-hidden />
        )}
        <Text size="sm" fw={800} c="red">
          {state === 'high' ? 'HIGH' : 'LOW'}
        </Text>
      </Group>
    );
  }
  if (state === 'ok') {
    return (
      <Group gap={4} c="teal" wrap="nowrap">
        <IconCircleCheck size={16} aria-hidden />
        <Text size="sm" fw={600} c="teal">
          in range
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} c="dimmed" wrap="nowrap">
      <IconMinus size={16} aria-hidden />
      <Text size="sm" c="dimmed">
        no reading
      </Text>
    </Group>
  );
}

function Tile({
  label,
  unit,
  value,
  state,
  limit,
  at,
  now,
  testId,
  color,
}: {
  label: string;
  unit: string;
  value: string;
  state: VitalState;
  limit: string;
  at: string | undefined;
  now: number;
  testId: string;
  color: string;
}) {
  const alarming = state === 'high' || state === 'low';
  const age = at ? minutesBetween(at, now) : null;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={testId}
      data-state={state}
      style={{
        borderLeft: `6px solid ${alarming ? 'var(--mantine-color-red-7)' : color}`,
        background: alarming ? 'var(--mantine-color-red-light)' : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
        <Text size="sm" fw={700}>
          {label}
        </Text>
        <StateLine state={state} />
      </Group>
      <Group gap={6} align="baseline" wrap="wrap" style={{ rowGap: 0 }}>
        <Text fz={value.length > 5 ? 32 : 40} fw={800} className="ok-figure" c={alarming ? 'red' : undefined}>
          {value}
        </Text>
        <Text size="sm" c="dimmed">
          {unit}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {limit}
        {at
          ? `${limit ? ' · ' : ''}${formatTime(at)}${age != null && age >= STALE_MIN ? ` (${age} min ago)` : ''}`
          : ''}
      </Text>
    </Paper>
  );
}

export function LastVitals({
  infusion,
  colors,
}: {
  infusion: Infusion;
  colors: Record<'hr' | 'sbp' | 'spo2' | 'rr', string>;
}) {
  const now = useNow(30_000);
  const t = infusion.thresholds;
  const hr = latestWith(infusion.vitals, 'hr');
  const bp = latestWith(infusion.vitals, 'bp');
  const spo2 = latestWith(infusion.vitals, 'spo2');
  const rr = latestWith(infusion.vitals, 'rr');
  return (
    <SimpleGrid cols={{ base: 2, sm: 1 }} spacing="xs" aria-label="Latest vital signs" role="group">
      <Tile
        label="Heart rate"
        unit="bpm"
        value={hr?.hr != null ? String(hr.hr) : '—'}
        state={vitalState('hr', hr, t)}
        limit={limitText('hr', t)}
        at={hr?.at}
        now={now}
        testId="vital-hr"
        color={colors.hr}
      />
      <Tile
        label="BP"
        unit="mmHg"
        value={bp?.sbp != null ? `${bp.sbp}/${bp.dbp ?? '—'}` : '—'}
        state={vitalState('bp', bp, t)}
        limit={limitText('bp', t)}
        at={bp?.at}
        now={now}
        testId="vital-bp"
        color={colors.sbp}
      />
      <Tile
        label="SpO₂"
        unit="%"
        value={spo2?.spo2 != null ? String(spo2.spo2) : '—'}
        state={vitalState('spo2', spo2, t)}
        limit={limitText('spo2', t)}
        at={spo2?.at}
        now={now}
        testId="vital-spo2"
        color={colors.spo2}
      />
      <Tile
        label="Resp. rate"
        unit="/min"
        value={rr?.rr != null ? String(rr.rr) : '—'}
        state={vitalState('rr', rr, t)}
        limit=""
        at={rr?.at}
        now={now}
        testId="vital-rr"
        color={colors.rr}
      />
    </SimpleGrid>
  );
}
