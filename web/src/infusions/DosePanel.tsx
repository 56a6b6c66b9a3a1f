// Dose and pump, in the order they are used: order → draw → program → run → stop. Stopping the pump
// moves the session to recovery on the server (docs/api.md), so there is no separate step here.
import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import type { Infusion } from '../api/types.ts';
import { DoseOrderForm } from './DoseOrderForm.tsx';
import { DoseSummary } from './DoseSummary.tsx';
import { PumpControls } from './PumpControls.tsx';

export function DosePanel({
  infusion,
  onChange,
  readOnly = false,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
  readOnly?: boolean;
}) {
  const beforeStart = infusion.stage === 'precheck';
  const running = infusion.stage === 'infusing' || infusion.stage === 'paused';
  return (
    <Card padding="md" data-testid="dose-panel">
      <Title order={2} size="h5" mb="xs">
        Dose and pump
      </Title>
      <Stack gap="sm">
        {beforeStart && !readOnly ? (
          <DoseOrderForm key={infusion.doseOrder?.doseMg ?? 'none'} infusion={infusion} onChange={onChange} />
        ) : null}
        {infusion.doseOrder ? (
          <>
            {beforeStart && !readOnly ? <Divider /> : null}
            <DoseSummary infusion={infusion} />
          </>
        ) : beforeStart ? null : (
          <Text size="sm" c="dimmed">
            No dose was ordered.
          </Text>
        )}
        {beforeStart || running ? (
          <>
            <Divider />
            <PumpControls infusion={infusion} onChange={onChange} readOnly={readOnly} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
