// Dose and pump, in the order they are used: order → draw → program → run → stop. Stopping the pump
// moves the session to recovery on the server (docs/api.md), so there is no separate step here. IM and
// intranasal sessions have no pump: each dose is charted as given, and the last one ends dosing.
import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import type { Infusion } from '../api/types.ts';
import { DoseOrderForm } from './DoseOrderForm.tsx';
import { DoseSummary } from './DoseSummary.tsx';
import { PumpControls } from './PumpControls.tsx';
import { AdministrationControls, GivenSoFar } from './AdministrationControls.tsx';

const titles: Record<string, string> = {
  im: 'Dose and injections',
  intranasal: 'Dose and nasal devices',
};

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
  const route = infusion.protocol?.route ?? 'iv';
  const byHand = route === 'im' || route === 'intranasal';
  return (
    <Card padding="md" data-testid="dose-panel">
      <Title order={2} size="h5" mb="xs">
        {titles[route] ?? 'Dose and pump'}
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
            {byHand ? (
              <AdministrationControls
                // The next dose's defaults follow the order and what is given so far.
                key={`${infusion.doseOrder?.doseMg ?? 'none'}-${infusion.administrations.length}`}
                infusion={infusion}
                onChange={onChange}
                readOnly={readOnly}
              />
            ) : (
              <PumpControls infusion={infusion} onChange={onChange} readOnly={readOnly} />
            )}
          </>
        ) : byHand && infusion.administrations.length ? (
          <>
            <Divider />
            <GivenSoFar infusion={infusion} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
