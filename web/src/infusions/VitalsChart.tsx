// The live chart at the centre of the console: HR, the systolic–diastolic band, SpO2 (own scale, right)
// and RR on one time axis; dashed threshold lines; alert onsets and pump events marked.
import { useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { Infusion } from '../api/types.ts';
import { formatTime } from '../app/format.ts';
import { chartPalette, tzDate, UPlotChart, type ChartOptions } from '../app/UPlotChart.tsx';
import { vitalColors, vitalColorsDark } from './vitalState.ts';

interface Props {
  infusion: Infusion;
  timeZone?: string;
  height?: number;
}

const pumpWords: Record<string, string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  rate_change: 'Rate',
  stop: 'Stop',
};

export function VitalsChart({ infusion, timeZone, height = 300 }: Props) {
  const dark = useComputedColorScheme('light') === 'dark';
  const colors = dark ? vitalColorsDark : vitalColors;

  const data = useMemo<uPlot.AlignedData>(() => {
    const rows = infusion.vitals;
    return [
      rows.map((v) => Date.parse(v.at) / 1000),
      rows.map((v) => v.hr),
      rows.map((v) => v.sbp),
      rows.map((v) => v.dbp),
      rows.map((v) => v.spo2),
      rows.map((v) => v.rr),
    ];
  }, [infusion.vitals]);

  // Marks are read through refs-free closures over stable JSON: rebuild only when they change.
  const thresholdsKey = JSON.stringify(infusion.thresholds);
  const marksKey = JSON.stringify([
    infusion.alerts.map((a) => a.since),
    infusion.pump.map((p) => [p.kind, p.at]),
  ]);

  const options = useMemo<ChartOptions>(() => {
    const palette = chartPalette(dark);
    const t = JSON.parse(thresholdsKey) as Infusion['thresholds'];
    const [alertTimes, pumpMarks] = JSON.parse(marksKey) as [string[], [string, string][]];
    const px = (n: number) => n * devicePixelRatio;

    // Labels alternate ends so nearby limits (HR 120, DBP 110) stay readable.
    const lines: { value: number | null; scale: string; color: string; label: string; right: boolean }[] = [
      { value: t.sbpHigh, scale: 'v', color: colors.sbp, label: `SBP ${t.sbpHigh}`, right: false },
      { value: t.dbpHigh, scale: 'v', color: colors.dbp, label: `DBP ${t.dbpHigh}`, right: false },
      { value: t.hrHigh, scale: 'v', color: colors.hr, label: `HR ${t.hrHigh}`, right: true },
      { value: t.spo2Low, scale: 'spo2', color: colors.spo2, label: `SpO₂ ${t.spo2Low}`, right: true },
    ];

    return {
      tzDate: tzDate(timeZone),
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: {
          time: true,
          // From the data itself: uPlot widens a single reading to a whole day, which would put
          // the one point at the edge of a midnight-to-midnight axis.
          range: (u) => {
            const xs = u.data[0];
            const lo = xs[0];
            const hi = xs[xs.length - 1];
            if (lo == null || hi == null) {
              const now = Date.now() / 1000;
              return [now - 600, now + 60];
            }
            return [Math.min(lo, hi - 600), hi + 90];
          },
        },
        v: { range: (_u, _min, max) => [0, Math.max(200, Math.ceil(((max ?? 0) + 10) / 20) * 20)] },
        spo2: { range: [70, 100] },
      },
      axes: [
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          // 24-hour clock in the clinic's time zone, as everywhere else on the console.
          values: (_u, splits) => splits.map((s) => formatTime(new Date(s * 1000).toISOString())),
        },
        {
          scale: 'v',
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          label: 'bpm · mmHg · /min',
          labelSize: 18,
          size: 44,
        },
        {
          scale: 'spo2',
          side: 1,
          stroke: colors.spo2,
          grid: { show: false },
          ticks: { stroke: palette.grid },
          label: 'SpO₂ %',
          labelSize: 18,
          size: 44,
        },
      ],
      series: [
        {},
        {
          label: 'HR',
          scale: 'v',
          stroke: colors.hr,
          width: 2.5,
          points: { show: true, size: 5 },
          spanGaps: true,
        },
        {
          label: 'SBP',
          scale: 'v',
          stroke: colors.sbp,
          width: 2,
          points: { show: true, size: 5 },
          spanGaps: true,
        },
        {
          label: 'DBP',
          scale: 'v',
          stroke: colors.dbp,
          width: 2,
          points: { show: true, size: 5 },
          spanGaps: true,
        },
        {
          label: 'SpO₂',
          scale: 'spo2',
          stroke: colors.spo2,
          width: 2.5,
          points: { show: true, size: 5 },
          spanGaps: true,
        },
        {
          label: 'RR',
          scale: 'v',
          stroke: colors.rr,
          width: 2,
          dash: [6, 4],
          points: { show: true, size: 5 },
          spanGaps: true,
        },
      ],
      bands: [{ series: [2, 3], fill: dark ? 'rgba(255,135,135,0.12)' : 'rgba(201,42,42,0.08)' }],
      hooks: {
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const { left, top, width, height: h } = u.bbox;
            ctx.save();
            ctx.beginPath();
            ctx.rect(left, top, width, h);
            ctx.clip();
            ctx.font = `600 ${px(11)}px system-ui, sans-serif`;
            // Threshold lines.
            for (const line of lines) {
              if (line.value == null) {
                continue;
              }
              const y = u.valToPos(line.value, line.scale, true);
              ctx.strokeStyle = line.color;
              ctx.lineWidth = px(1.25);
              ctx.setLineDash([px(6), px(5)]);
              ctx.beginPath();
              ctx.moveTo(left, y);
              ctx.lineTo(left + width, y);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = line.color;
              ctx.textAlign = line.right ? 'right' : 'left';
              ctx.textBaseline = 'bottom';
              ctx.fillText(
                `${line.label} limit`,
                line.right ? left + width - px(6) : left + px(6),
                y - px(2),
              );
            }
            // Pump events: thin grey verticals with a word.
            ctx.strokeStyle = palette.axis;
            ctx.fillStyle = palette.axis;
            ctx.lineWidth = px(1);
            ctx.textBaseline = 'top';
            let lastLabelX = -Infinity;
            let row = 0;
            for (const [kind, at] of pumpMarks) {
              const x = u.valToPos(Date.parse(at) / 1000, 'x', true);
              // Events close together stack their words instead of overprinting them.
              row = x - lastLabelX < px(44) ? row + 1 : 0;
              lastLabelX = x;
              ctx.setLineDash([px(2), px(3)]);
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + h);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.textAlign = 'left';
              ctx.fillText(pumpWords[kind] ?? kind, x + px(3), top + px(3) + row * px(13));
            }
            // Alert onsets: red triangles on the top edge.
            ctx.fillStyle = '#e03131';
            for (const since of alertTimes) {
              const x = u.valToPos(Date.parse(since) / 1000, 'x', true);
              ctx.beginPath();
              ctx.moveTo(x - px(7), top);
              ctx.lineTo(x + px(7), top);
              ctx.lineTo(x, top + px(12));
              ctx.closePath();
              ctx.fill();
            }
            ctx.restore();
          },
        ],
      },
    };
  }, [dark, colors, thresholdsKey, marksKey, timeZone]);

  const last = infusion.vitals[infusion.vitals.length - 1];
  const label = last
    ? `Vital signs chart, ${infusion.vitals.length} readings; latest at ${new Date(last.at).toLocaleTimeString()}. Latest values are listed beside the chart.`
    : 'Vital signs chart: no readings yet.';

  return <UPlotChart options={options} data={data} height={height} label={label} testId="vitals-chart" />;
}
