// mg → mL at the vial's concentration → pump rate, laid out as the nurse draws and programs it, with the
// weight the order was computed from (basis, date, height, BMI).
import { Alert, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconScale } from '@tabler/icons-react';
import type { Infusion } from '../api/types.ts';
import { formatDate, formatNumber } from '../app/format.ts';
import { doseView } from './dose.ts';
import { routeLabels } from './protocol.ts';
import { weightDetail, weightHeadline } from './dosingWeight.ts';

function Figure({
  label,
  value,
  unit,
  detail,
}: {
  label: string;
  value: string;
  unit: string;
  detail?: string;
}) {
  return (
    <Paper withBorder p="xs" radius="md">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Group gap={4} align="baseline" wrap="wrap" style={{ rowGap: 0 }}>
        <Text fz={22} fw={800} className="ok-figure">
          {value}
        </Text>
        <Text size="sm">{unit}</Text>
      </Group>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

export function DoseSummary({ infusion }: { infusion: Infusion }) {
  const order = infusion.doseOrder;
  if (!order) {
    return null;
  }
  const d = doseView(order, infusion.protocol);
  return (
    <Stack gap="xs" data-testid="dose-order">
      <SimpleGrid cols={3} spacing="xs">
        <Figure
          label="Dose"
          value={formatNumber(d.doseMg, 1)}
          unit="mg"
          detail={`${d.mgPerKg} mg/kg × ${d.weightKg} kg`}
        />
        <Figure
          label="Draw"
          value={formatNumber(d.drawVolumeMl, 2)}
          unit="mL"
          detail={d.vialConcentrationMgPerMl ? `at ${d.vialConcentrationMgPerMl} mg/mL` : undefined}
        />
        {d.rateMlPerH != null ? (
          <Figure
            label="Pump rate"
            value={formatNumber(d.rateMlPerH, 1)}
            unit="mL/h"
            detail={
              d.durationMin
                ? `over ${d.durationMin} min${order.mgPerKgPerHour != null ? ` · ${order.mgPerKgPerHour} mg/kg/h` : ''}`
                : undefined
            }
          />
        ) : (
          <Figure
            label="Route"
            value={routeLabels[infusion.protocol?.route ?? ''] ?? '—'}
            unit=""
            detail="no pump"
          />
        )}
      </SimpleGrid>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {formatNumber(d.doseMg, 1)} mg
        </Text>
        <IconArrowRight size={12} aria-hidden />
        <Text size="xs" c="dimmed">
          {formatNumber(d.drawVolumeMl, 2)} mL drawn
        </Text>
        {d.rateMlPerH != null && d.bagVolumeMl ? (
          <>
            <IconArrowRight size={12} aria-hidden />
            <Text size="xs" c="dimmed">
              {formatNumber(d.bagVolumeMl, 1)} mL in the bag
            </Text>
          </>
        ) : null}
        {order.weightOn && !order.dosingWeight ? (
          <Text size="xs" c="dimmed">
            · weight of {formatDate(order.weightOn)}
          </Text>
        ) : null}
      </Group>
      {order.dosingWeight ? (
        <Group gap={6} wrap="nowrap" align="flex-start" data-testid="dose-order-weight">
          <IconScale size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
          <Text size="xs">
            <Text span fw={700} size="xs">
              Weight used: {weightHeadline(order.dosingWeight)}
            </Text>{' '}
            · {weightDetail(order.dosingWeight)}
          </Text>
        </Group>
      ) : null}
      {d.warnings.map((w) => (
        <Alert key={w.code} color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
          {w.message}
        </Alert>
      ))}
    </Stack>
  );
}
