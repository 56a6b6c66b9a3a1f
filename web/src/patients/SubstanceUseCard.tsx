// The substance-use track (issue 4): craving then and now, last week's use and abstinent days, and
// how soon after the first infusion a heavy day came back; under it, the diary weeks beside the
// infusions and psychotherapy sessions on one time axis. Words beside every number, no colour alone.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { useMemo, type CSSProperties } from 'react';
import type uPlot from 'uplot';
import type { SubstanceUseSummary } from '@openkap/domain/outcomes/substance-use';
import { therapySessionKindCatalog } from '@openkap/domain/therapy/schema';
import type { PatientInfusion, QuestionnaireResult } from '../api/types.ts';
import { formatDate, formatDayMonth } from '../app/format.ts';
import { chartPalette, tzDate, UPlotChart, type ChartOptions } from '../app/UPlotChart.tsx';
import type { TherapySession } from './api.ts';
import { dosingTimes } from './TherapySessionsCard.tsx';

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

const DAY = 86_400;
const abbreviation = Object.fromEntries(therapySessionKindCatalog.map((k) => [k.id, k.abbreviation]));
// Lanes on a 0–4.5 scale, top to bottom: days used (2 units tall, so 1 day and 5 days look different),
// infusions (1), therapy (1.5: room for a second row where sessions fall on neighbouring days).
const TOP = 4.5;
const lanes = [
  { label: 'Days used', from: 2.5, to: TOP },
  { label: 'Infusions', from: 1.5, to: 2.5 },
  { label: 'Therapy', from: 0, to: 1.5 },
] as const;

const markColors = (dark: boolean) =>
  dark
    ? { use: '#ffa94d', infusion: '#66d9e8', therapy: '#b197fc', ink: '#1a1b1e' }
    : { use: '#d9480f', infusion: '#0b7285', therapy: '#5f3dc4', ink: '#ffffff' };

function LegendItem({ mark, children }: { mark: CSSProperties; children: string }) {
  return (
    <Text size="xs" c="dimmed" span>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          marginRight: 4,
          verticalAlign: -1,
          boxSizing: 'border-box',
          ...mark,
        }}
      />
      {children}
    </Text>
  );
}

interface Marks {
  /** Diary weeks: end of the week (s) and days used. */
  weeks: { end: number; daysUsed: number }[];
  infusions: { at: number; number: number }[];
  therapy: { at: number; letter: string; attended: boolean }[];
}

/**
 * Diary weeks as bars (height = days used of 7, the number written on top), infusions as numbered
 * circles, psychotherapy sessions as lettered squares (outlined when missed), on the chart's time axis.
 */
function CareTimeline({ marks, timeZone }: { marks: Marks; timeZone?: string }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const colors = markColors(dark);
  const range = useMemo<[number, number]>(() => {
    const times = [
      ...marks.weeks.flatMap((w) => [w.end - 7 * DAY, w.end]),
      ...marks.infusions.map((i) => i.at),
      ...marks.therapy.map((t) => t.at),
    ];
    if (times.length === 0) {
      return [0, 14 * DAY];
    }
    const min = Math.min(...times);
    const max = Math.max(...times);
    // At least a fortnight wide, so the axis counts days rather than hours.
    const pad = Math.max(DAY, (max - min) * 0.04, (14 * DAY - (max - min)) / 2);
    return [min - pad, max + pad];
  }, [marks]);

  const data = useMemo<uPlot.AlignedData>(() => [range, [null, null]], [range]);

  const options = useMemo<ChartOptions>(() => {
    const palette = chartPalette(dark);
    const { use, infusion, therapy, ink } = markColors(dark);
    return {
      tzDate: tzDate(timeZone),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true, range: () => range }, y: { range: [0, TOP] } },
      axes: [
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          space: 56,
          values: (_u, splits) => splits.map((s) => formatDayMonth(s * 1000)),
        },
        {
          stroke: palette.axis,
          grid: { show: false },
          ticks: { show: false },
          size: 72,
          gap: 4,
          splits: () => lanes.map((l) => (l.from + l.to) / 2),
          values: (_u, splits) => splits.map((_s, i) => lanes[i]?.label ?? ''),
        },
      ],
      series: [{}, { show: false }],
      hooks: {
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const r = devicePixelRatio;
            const { left, top, width, height } = u.bbox;
            const inside = (x: number) => x >= left - 1 && x <= left + width + 1;
            const label = (text: string, x: number, y: number, color: string, size = 10) => {
              ctx.fillStyle = color;
              ctx.font = `700 ${Math.round(size * r)}px system-ui, sans-serif`;
              ctx.textAlign = 'center';
              ctx.textBaseline = 'middle';
              ctx.fillText(text, x, y);
            };
            ctx.save();
            ctx.beginPath();
            ctx.rect(left, top, width, height);
            ctx.clip();
            // Lane separators.
            ctx.strokeStyle = palette.grid;
            ctx.lineWidth = r;
            for (const y of [1.5, 2.5]) {
              const py = Math.round(u.valToPos(y, 'y', true)) + 0.5;
              ctx.beginPath();
              ctx.moveTo(left, py);
              ctx.lineTo(left + width, py);
              ctx.stroke();
            }
            // Use diary: one bar per week, height by days used of 7, the number on top; an abstinent
            // week is a flat line with its 0.
            const useBase = u.valToPos(2.5, 'y', true) - 3 * r;
            const useTop = u.valToPos(TOP, 'y', true) + 14 * r;
            for (const w of marks.weeks) {
              const x0 = u.valToPos(w.end - 7 * DAY, 'x', true) + r;
              const x1 = u.valToPos(w.end, 'x', true) - r;
              const h = Math.max(((useBase - useTop) * w.daysUsed) / 7, 2 * r);
              ctx.fillStyle = `${use}55`;
              ctx.fillRect(x0, useBase - h, x1 - x0, h);
              ctx.strokeStyle = use;
              ctx.lineWidth = 2 * r;
              ctx.beginPath();
              ctx.moveTo(x0, useBase - h);
              ctx.lineTo(x1, useBase - h);
              ctx.stroke();
              label(String(w.daysUsed), (x0 + x1) / 2, useBase - h - 8 * r, palette.text, 11);
            }
            // Infusions: numbered circles.
            const infY = u.valToPos(2, 'y', true);
            for (const i of marks.infusions) {
              const x = u.valToPos(i.at, 'x', true);
              if (!inside(x)) {
                continue;
              }
              ctx.beginPath();
              ctx.arc(x, infY, 7.5 * r, 0, 2 * Math.PI);
              ctx.fillStyle = infusion;
              ctx.fill();
              label(String(i.number), x, infY + 0.5 * r, ink);
            }
            // Therapy: lettered squares, outlined and dashed when the patient did not attend. A square
            // that would overlap the one before drops to a second row, so neighbouring days stay legible.
            const side = 13 * r;
            const rows = [u.valToPos(1.05, 'y', true), u.valToPos(0.42, 'y', true)];
            const lastX = [-Infinity, -Infinity];
            for (const t of [...marks.therapy].sort((a, b) => a.at - b.at)) {
              const x = u.valToPos(t.at, 'x', true);
              if (!inside(x)) {
                continue;
              }
              const free = lastX.findIndex((last) => x - last > side + r);
              const row = free === -1 ? 0 : free;
              lastX[row] = x;
              const y = rows[row] as number;
              ctx.beginPath();
              ctx.rect(x - side / 2, y - side / 2, side, side);
              if (t.attended) {
                ctx.fillStyle = therapy;
                ctx.fill();
                label(t.letter, x, y + 0.5 * r, ink);
              } else {
                ctx.fillStyle = palette.background;
                ctx.fill();
                ctx.setLineDash([2 * r, 2 * r]);
                ctx.strokeStyle = therapy;
                ctx.lineWidth = 1.5 * r;
                ctx.stroke();
                ctx.setLineDash([]);
                label(t.letter, x, y + 0.5 * r, therapy);
              }
            }
            ctx.restore();
          },
        ],
      },
    };
  }, [marks, range, dark, timeZone]);

  const attended = marks.therapy.filter((t) => t.attended).length;
  return (
    <Stack gap={4}>
      <UPlotChart
        options={options}
        data={data}
        height={176}
        testId="care-timeline"
        label={
          `Timeline: ${marks.weeks.length} diary week(s) with days used, ${marks.infusions.length} infusion(s) ` +
          `and ${marks.therapy.length} psychotherapy session(s) (${attended} attended) on one time axis.`
        }
      />
      <Group gap="sm" wrap="wrap">
        <LegendItem mark={{ background: `${colors.use}55`, borderTop: `2px solid ${colors.use}` }}>
          Days used in the diary week
        </LegendItem>
        <LegendItem mark={{ background: colors.infusion, borderRadius: '50%' }}>Infusion (number)</LegendItem>
        <LegendItem mark={{ background: colors.therapy }}>Therapy</LegendItem>
        <LegendItem mark={{ border: `1.5px dashed ${colors.therapy}` }}>Not attended</LegendItem>
      </Group>
      <Text size="xs" c="dimmed">
        {therapySessionKindCatalog.map((k) => `${k.abbreviation} ${k.shortLabel}`).join(' · ')}
      </Text>
    </Stack>
  );
}

export function SubstanceUseCard({
  summary,
  infusions,
  questionnaires,
  therapySessions,
  timeZone,
}: {
  summary: SubstanceUseSummary;
  infusions: readonly PatientInfusion[];
  questionnaires: readonly QuestionnaireResult[];
  /** Null when the signed-in role may not read therapy sessions: that lane then stays empty. */
  therapySessions: readonly TherapySession[] | null;
  timeZone?: string;
}) {
  const { cravingBaseline: before, cravingLatest: now, lastWeek } = summary;
  const marks = useMemo<Marks>(
    () => ({
      weeks: questionnaires
        .filter((q) => q.instrument === 'use_diary' && q.complete && q.total != null)
        .map((q) => ({ end: Date.parse(q.authoredAt) / 1000, daysUsed: q.total as number })),
      infusions: dosingTimes(infusions).map((d) => ({ at: d.at / 1000, number: d.number })),
      therapy: (therapySessions ?? []).map((t) => ({
        at: Date.parse(t.heldAt) / 1000,
        letter: abbreviation[t.kind] ?? '?',
        attended: t.attendance === 'attended',
      })),
    }),
    [questionnaires, infusions, therapySessions],
  );
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Substance use
        </Title>
        {lastWeek ? (
          <Badge color={lastWeek.daysUsed === 0 ? 'teal' : 'orange'} variant="light">
            {lastWeek.daysUsed === 0 ? 'Abstinent last week' : `Used on ${lastWeek.daysUsed} of 7 days`}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Figure
          label="Craving (PACS)"
          value={now ? `${before ? `${before.score} → ` : ''}${now.score}` : '–'}
          hint={now ? `latest ${formatDate(now.date)}; 0–30, 15+ is significant` : 'not answered yet'}
        />
        <Figure
          label="Last week"
          value={lastWeek ? `${lastWeek.abstinentDays} abstinent` : '–'}
          hint={
            lastWeek
              ? `${lastWeek.heavyDays} heavy day(s), week to ${formatDate(lastWeek.date)}`
              : 'no diary yet'
          }
        />
        <Figure
          label="First heavy week"
          value={
            summary.daysToFirstHeavyWeek === null ? 'None yet' : `≤ ${summary.daysToFirstHeavyWeek} days`
          }
          hint="after the first infusion (diary weeks: an upper bound)"
        />
        <Figure
          label="Weeks without use"
          value={`${summary.abstinentWeeks} of ${summary.weeksReported}`}
          hint="diary weeks since the first infusion"
        />
      </SimpleGrid>
      <Title order={3} size="h6" mt="md" mb={4}>
        Use beside infusions and therapy
      </Title>
      <CareTimeline marks={marks} timeZone={timeZone} />
      {therapySessions === null ? (
        <Text size="xs" c="dimmed">
          Psychotherapy sessions are shown to the care team only.
        </Text>
      ) : null}
    </Card>
  );
}
