// Kaplan–Meier curve of the days from the end of the induction series to the first booster or relapse
// (whichever came first): a step
// line from 100 % down, a tick (+) where patients were censored, and the median marked and written out.
import { Anchor, Button, Collapse, Group, Table, Text, useComputedColorScheme } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import uPlot from 'uplot';
import { EmptyNote } from '../app/States.tsx';
import { chartPalette, UPlotChart, type ChartOptions } from '../app/UPlotChart.tsx';
import type { OutcomeGroup, OutcomeReport } from './api.ts';
import { percent, plural } from './numbers.ts';

type Booster = OutcomeReport['timeToBooster'];

/** The curve's points: 100 % at day 0, then the estimate just after each observed day. */
export function curvePoints(km: Booster): { days: number[]; survival: number[] } {
  const days = [0];
  const survival = [100];
  for (const step of km.steps) {
    if (step.day === 0) {
      survival[0] = step.survival * 100;
      continue;
    }
    days.push(step.day);
    survival.push(step.survival * 100);
  }
  return { days, survival };
}

export function medianSentence(km: Booster): string {
  if (km.medianDays != null) {
    return `Median ${plural(km.medianDays, 'day')} from the end of the series to the first booster or relapse: by then half the patients had had one.`;
  }
  return 'Median not reached: more than half the patients had neither a booster nor a relapse by the end of their follow-up.';
}

/** "(3 boosters, 1 relapse)": absent from servers older than relapses. */
function eventKindsText(km: Booster): string {
  const k = km.eventKinds;
  return k && km.events > 0 ? ` (${plural(k.booster, 'booster')}, ${plural(k.relapse, 'relapse')})` : '';
}

/** A count in a sentence that opens its patients' list (plain text when there is nobody to list). */
function CountLink({
  count,
  children,
  group,
  onOpen,
}: {
  count: number;
  children: string;
  group: OutcomeGroup;
  onOpen: (group: OutcomeGroup) => void;
}) {
  if (count === 0) {
    return <>{children}</>;
  }
  return (
    <Anchor
      component="button"
      type="button"
      inherit
      fw={600}
      onClick={() => onOpen(group)}
      aria-haspopup="dialog"
      data-testid={`open-${group}`}
    >
      {children}
    </Anchor>
  );
}

export function BoosterChart({ km, onOpen }: { km: Booster; onOpen: (group: OutcomeGroup) => void }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const [showTable, setShowTable] = useState(false);
  const points = useMemo(() => curvePoints(km), [km]);
  const data = useMemo<uPlot.AlignedData>(() => [points.days, points.survival], [points]);

  const options = useMemo<ChartOptions>(() => {
    const palette = chartPalette(dark);
    const color = dark ? '#3aafbc' : '#0d6b7b';
    const lastDay = points.days[points.days.length - 1] ?? 0;
    const maxDay = Math.max(7, Math.ceil(lastDay * 1.05));
    const censorMarks = km.steps.filter((s) => s.censored > 0);
    const median = km.medianDays;
    const font = `${Math.round(12 * devicePixelRatio)}px system-ui, sans-serif`;
    return {
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false, range: () => [0, maxDay] },
        y: { range: [0, 100] },
      },
      axes: [
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          label: 'Days since the last induction infusion',
          labelSize: 24,
          labelFont: font,
          space: 48,
          values: (_u, splits) => splits.map((s) => String(s)),
        },
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          label: 'Without booster or relapse',
          labelSize: 22,
          labelFont: font,
          size: 44,
          splits: () => [0, 25, 50, 75, 100],
          values: (_u, splits) => splits.map((s) => `${s} %`),
        },
      ],
      series: [
        {},
        {
          label: 'Without booster or relapse',
          stroke: color,
          width: 2.5,
          paths: uPlot.paths.stepped?.({ align: 1 }),
          points: { show: false },
        },
      ],
      hooks: {
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const px = devicePixelRatio;
            ctx.save();
            // The median: across from 50 % to the curve, then down to the day.
            if (median != null) {
              const x = u.valToPos(median, 'x', true);
              const y = u.valToPos(50, 'y', true);
              ctx.strokeStyle = palette.axis;
              ctx.lineWidth = 1 * px;
              ctx.setLineDash([4 * px, 4 * px]);
              ctx.beginPath();
              ctx.moveTo(u.bbox.left, y);
              ctx.lineTo(x, y);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = palette.text;
              ctx.font = `600 ${font}`;
              ctx.textBaseline = 'bottom';
              const label = `median ${median} d`;
              const room = u.bbox.left + u.bbox.width - x;
              ctx.textAlign = room > ctx.measureText(label).width + 12 * px ? 'left' : 'right';
              ctx.fillText(label, x + (ctx.textAlign === 'left' ? 6 : -6) * px, y - 4 * px);
            }
            // Censored patients: a short vertical tick on the curve, "+" style.
            ctx.strokeStyle = color;
            ctx.lineWidth = 2 * px;
            for (const s of censorMarks) {
              const x = u.valToPos(s.day, 'x', true);
              const y = u.valToPos(s.survival * 100, 'y', true);
              ctx.beginPath();
              ctx.moveTo(x, y - 6 * px);
              ctx.lineTo(x, y + 6 * px);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
  }, [dark, km, points]);

  if (km.subjects === 0) {
    return (
      <EmptyNote>
        No patient finished the induction series by the end date, so there is no time to booster yet.
      </EmptyNote>
    );
  }

  return (
    <>
      <Text size="sm" fw={600} mb={4} data-testid="booster-median">
        {medianSentence(km)}
      </Text>
      <UPlotChart
        options={options}
        data={data}
        height={240}
        testId="booster-chart"
        label={`Kaplan–Meier curve of the share of patients still without a booster or relapse, by days since the end of the series. ${km.subjects} patients, ${km.events} with a booster or relapse, ${km.censored} censored. ${medianSentence(km)}`}
      />
      <Text size="sm" c="dimmed" mt={4}>
        {plural(km.subjects, 'patient')} who completed the series:{' '}
        <CountLink count={km.events} group="booster-events" onOpen={onOpen}>
          {`${km.events} had a booster or relapse${eventKindsText(km)}`}
        </CountLink>
        ;{' '}
        <CountLink count={km.censored} group="booster-censored" onOpen={onOpen}>
          {`${km.censored} had neither yet`}
        </CountLink>{' '}
        and are censored (ticks) at the end date or their last contact.
      </Text>
      <Group mt="xs">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconTable size={14} aria-hidden />}
          onClick={() => setShowTable((v) => !v)}
          aria-expanded={showTable}
        >
          {showTable ? 'Hide the numbers' : 'Show the numbers'}
        </Button>
      </Group>
      <Collapse expanded={showTable}>
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={4} aria-label="Time to first booster or relapse, step by step" mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th ta="right">At risk</Table.Th>
                <Table.Th ta="right">Events</Table.Th>
                <Table.Th ta="right">Censored</Table.Th>
                <Table.Th ta="right">Without either</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {km.steps.map((s) => (
                <Table.Tr key={s.day}>
                  <Table.Td>{s.day}</Table.Td>
                  <Table.Td ta="right">{s.atRisk}</Table.Td>
                  <Table.Td ta="right">{s.events}</Table.Td>
                  <Table.Td ta="right">{s.censored}</Table.Td>
                  <Table.Td ta="right">{percent(s.survival)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </>
  );
}
