// Start / Pause / Resume / Rate change / Stop, and the infused-so-far bar. Each button is enabled only
// when the move is possible, and says why not when it is not.
import { Button, Group, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { IconAdjustments, IconPlayerPause, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import type { PumpEventInput } from '@openkap/domain/infusions/schema';
import { notifyError } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { formatNumber, formatTime } from '../app/format.ts';
import { useNow } from '../app/useNow.ts';
import { infusionsApi } from './api.ts';
import { GivenBySelect } from './GivenBySelect.tsx';
import { useStaffUser } from '../auth/session.tsx';
import { currentRate, doseView, infusedAt, pumpState } from './dose.ts';

const stateWords = {
  not_started: 'Pump not started',
  running: 'Pump running',
  paused: 'Pump paused',
  stopped: 'Pump stopped',
};

function InfusedProgress({ infusion }: { infusion: Infusion }) {
  const now = useNow(1000);
  const order = infusion.doseOrder;
  if (!order) {
    return null;
  }
  const infused = infusedAt(infusion, now);
  const d = doseView(order, infusion.protocol);
  const percent = Math.min(100, Math.max(0, infused.fraction * 100));
  return (
    <Stack gap={4} data-testid="infused-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Infused so far
        </Text>
        <Text size="sm" className="ok-figure">
          {formatNumber(infused.mg, 1)} of {formatNumber(d.doseMg, 1)} mg · {formatNumber(infused.ml, 1)}
          {d.bagVolumeMl ? ` of ${formatNumber(d.bagVolumeMl, 0)}` : ''} mL
        </Text>
      </Group>
      <Progress.Root size={22} radius="md">
        <Progress.Section
          aria-label={`Infused ${Math.round(percent)} percent`}
          value={percent}
          color={pumpState(infusion.pump) === 'running' ? 'blue' : 'gray'}
          striped={pumpState(infusion.pump) === 'running'}
          animated={pumpState(infusion.pump) === 'running'}
        >
          <Progress.Label>{Math.round(percent)} %</Progress.Label>
        </Progress.Section>
      </Progress.Root>
    </Stack>
  );
}

export function PumpControls({
  infusion,
  onChange,
  readOnly = false,
}: {
  readOnly?: boolean;
  infusion: Infusion;
  onChange: (i: Infusion) => void;
}) {
  const state = pumpState(infusion.pump);
  const order = infusion.doseOrder;
  const orderedRate = order ? doseView(order, infusion.protocol).rateMlPerH : null;
  const rate = currentRate(infusion.pump, orderedRate);
  const [newRate, setNewRate] = useState<number | string>('');
  const [busy, setBusy] = useState<string | null>(null);
  const user = useStaffUser();
  const [givenBy, setGivenBy] = useState<string | null>(infusion.administeredBy?.id ?? user.id);

  async function send(body: PumpEventInput) {
    setBusy(body.kind);
    try {
      const { infusion: updated } = await infusionsApi.pump(infusion.id, body);
      onChange(updated);
      if (body.kind === 'rate_change') {
        setNewRate('');
      }
    } catch (error) {
      notifyError(error, 'Pump not changed');
    } finally {
      setBusy(null);
    }
  }

  const open =
    infusion.stage !== 'discharged' && infusion.stage !== 'cancelled' && infusion.stage !== 'recovery';
  const canStart =
    open && state === 'not_started' && !!order && infusion.prechecks.complete && !infusion.bpHold.held;
  const whyNotStart = !order
    ? 'Compute the dose order first.'
    : !infusion.prechecks.complete
      ? 'Complete the pre-checks first.'
      : infusion.bpHold.held
        ? 'Blood-pressure hold: re-measure, or a physician overrides it.'
        : null;
  const last = infusion.pump[infusion.pump.length - 1];
  const rateNumber = typeof newRate === 'number' ? newRate : Number(newRate);

  return (
    <Stack gap="sm" data-testid="pump-controls">
      <Group justify="space-between">
        <Text size="sm" fw={700} data-testid="pump-state" data-state={state}>
          {stateWords[state]}
          {state === 'running' && rate != null ? ` at ${formatNumber(rate, 1)} mL/h` : ''}
        </Text>
        {last ? (
          <Text size="xs" c="dimmed">
            since {formatTime(last.at)}
          </Text>
        ) : null}
      </Group>
      <InfusedProgress infusion={infusion} />
      {infusion.administeredBy && state !== 'not_started' ? (
        <Text size="xs" c="dimmed" data-testid="administered-by">
          Given by {infusion.administeredBy.name}
        </Text>
      ) : null}
      {readOnly ? null : state === 'not_started' ? (
        <>
          <GivenBySelect value={givenBy} onChange={setGivenBy} />
          <Button
            size="lg"
            color="blue"
            onClick={() =>
              send({
                kind: 'start',
                ...(orderedRate ? { rateMlPerH: orderedRate } : {}),
                ...(givenBy ? { administeredBy: givenBy } : {}),
              })
            }
            disabled={!canStart}
            loading={busy === 'start'}
            leftSection={<IconPlayerPlay size={22} aria-hidden />}
          >
            Start
          </Button>
          {!canStart && whyNotStart && open ? (
            <Text size="xs" c="dimmed">
              {whyNotStart}
            </Text>
          ) : null}
        </>
      ) : null}
      {!readOnly && (state === 'running' || state === 'paused') ? (
        <Group grow gap="xs">
          {state === 'running' ? (
            <Button
              size="lg"
              color="yellow"
              c="dark.9"
              onClick={() => send({ kind: 'pause' })}
              loading={busy === 'pause'}
              leftSection={<IconPlayerPause size={22} aria-hidden />}
            >
              Pause
            </Button>
          ) : (
            <Button
              size="lg"
              color="blue"
              onClick={() => send({ kind: 'resume' })}
              loading={busy === 'resume'}
              leftSection={<IconPlayerPlay size={22} aria-hidden />}
            >
              Resume
            </Button>
          )}
          <Button
            size="lg"
            color="red"
            onClick={() => send({ kind: 'stop' })}
            loading={busy === 'stop'}
            leftSection={<IconPlayerStop size={22} aria-hidden />}
          >
            Stop
          </Button>
        </Group>
      ) : null}
      {!readOnly && state === 'running' ? (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput
            size="sm"
            label="New rate (mL/h)"
            value={newRate}
            onChange={setNewRate}
            min={0.1}
            max={2000}
            decimalScale={1}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            onClick={() => send({ kind: 'rate_change', rateMlPerH: rateNumber })}
            disabled={!(rateNumber > 0)}
            loading={busy === 'rate_change'}
            leftSection={<IconAdjustments size={18} aria-hidden />}
          >
            Change rate
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
