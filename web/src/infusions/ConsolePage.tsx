// The infusion console (tablet, landscape): header, alerts, live chart with the latest values, quick
// charting and the timeline on the left; the stage's work (pre-checks, dose and pump, recovery) on the right.
import { Alert, Card, Grid, Group, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import type { InfusionCatalog } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { useParams } from 'react-router';
import { usePermissions } from '../app/permissions.ts';
import { ErrorState, LoadingState } from '../app/States.tsx';
import { useStaffUser } from '../auth/session.tsx';
import { AlertBanner } from './AlertBanner.tsx';
import { BpHoldPanel } from './BpHoldPanel.tsx';
import { VitalsDueBanner } from './VitalsDueBanner.tsx';
import { infusionsApi } from './api.ts';
import { ClosedSummary } from './ClosedSummary.tsx';
import { ConsoleHeader } from './ConsoleHeader.tsx';
import { DeviceAlarmBanner } from './DeviceAlarmBanner.tsx';
import { DosePanel } from './DosePanel.tsx';
import { LastVitals } from './LastVitals.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { PrechecksPanel } from './PrechecksPanel.tsx';
import { QuickCharting } from './QuickCharting.tsx';
import { RecoveryPanel } from './RecoveryPanel.tsx';
import { SessionTimeline } from './Timeline.tsx';
import { useLiveInfusion } from './useLiveInfusion.ts';
import { VitalsChart } from './VitalsChart.tsx';
import { vitalColors, vitalColorsDark } from './vitalState.ts';
import { VitalsForm } from './VitalsForm.tsx';

export function ConsolePage() {
  const { id = '' } = useParams();
  const user = useStaffUser();
  const { can, cannot } = usePermissions();
  const canChart = can('infusions.chart');
  const { infusion, error, connection, replace } = useLiveInfusion(id);
  const catalog = useResource('infusion-catalog', (signal) => infusionsApi.catalog(signal));
  const dark = useComputedColorScheme('light') === 'dark';
  const colors = dark ? vitalColorsDark : vitalColors;

  const name = infusion?.patient.name;
  useEffect(() => {
    document.title = name ? `${name} · Infusion console · OpenKAP` : 'Infusion console · OpenKAP';
  }, [name]);

  if (!infusion) {
    return error ? <ErrorState error={error} /> : <LoadingState label="Opening the console…" />;
  }

  const closed = infusion.stage === 'discharged' || infusion.stage === 'cancelled';
  const withCatalog = (render: (c: InfusionCatalog) => ReactNode) =>
    catalog.data ? (
      render(catalog.data)
    ) : catalog.error ? (
      <ErrorState error={catalog.error} onRetry={catalog.reload} />
    ) : (
      <LoadingState label="Loading the charting catalog…" />
    );
  const p = infusion.prechecks;
  // The drug's side of the session: in recovery it stands above discharge (drawn drug must be settled
  // first); before and during the infusion it follows the dose it is drawn for.
  const ledgerPanel = can('ledger.read') ? <LedgerPanel infusion={infusion} /> : null;
  const recovery = infusion.stage === 'recovery';

  return (
    <Stack gap="sm" data-testid="infusion-console" data-stage={infusion.stage}>
      <ConsoleHeader infusion={infusion} connection={connection} />
      {canChart ? null : (
        <Alert color="gray" variant="light" icon={<IconEye aria-hidden />} title="View only">
          {cannot('infusions.chart', 'chart during an infusion')}
        </Alert>
      )}
      <AlertBanner infusion={infusion} onChange={replace} readOnly={!canChart} />
      <DeviceAlarmBanner infusion={infusion} onChange={replace} readOnly={!canChart} />
      <VitalsDueBanner infusion={infusion} />
      <BpHoldPanel infusion={infusion} onChange={replace} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Card padding="md">
              <Group justify="space-between" mb={4}>
                <Title order={2} size="h5">
                  {closed ? 'Vitals' : 'Live vitals'}
                </Title>
                <Text size="xs" c="dimmed">
                  Dashed lines: alert limits · ▼ alert onset
                </Text>
              </Group>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
                  <VitalsChart infusion={infusion} timeZone={user.clinicTimeZone} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
                  <LastVitals infusion={infusion} colors={colors} />
                </Grid.Col>
              </Grid>
            </Card>
            {closed || !canChart
              ? null
              : withCatalog((c) => <QuickCharting infusion={infusion} catalog={c} onChange={replace} />)}
            <SessionTimeline infusion={infusion} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            {closed ? <ClosedSummary infusion={infusion} /> : null}
            {recovery || closed ? ledgerPanel : null}
            {recovery && canChart
              ? withCatalog((c) => (
                  <RecoveryPanel infusion={infusion} scales={c.dischargeScales} onChange={replace} />
                ))
              : null}
            {infusion.stage === 'precheck' ? (
              <PrechecksPanel
                key={`${p.consentSigned}-${p.fastingConfirmed}-${p.escortName ?? ''}-${p.escortPhone ?? ''}`}
                infusion={infusion}
                onChange={replace}
                readOnly={!canChart}
              />
            ) : null}
            {closed ? null : <DosePanel infusion={infusion} onChange={replace} readOnly={!canChart} />}
            {recovery || closed ? null : ledgerPanel}
            {closed || !canChart ? null : <VitalsForm infusionId={infusion.id} onChange={replace} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
