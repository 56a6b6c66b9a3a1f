// One instrument's totals over time: severity bands shaded behind, infusion days as dashed vertical
// lines, each response a point. A list of the same results sits beside it for non-visual readers.
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { Instrument, QuestionnaireResult } from '../api/types.ts';
import { formatDayMonth } from '../app/format.ts';
import { chartPalette, tzDate, UPlotChart, type ChartOptions } from '../app/UPlotChart.tsx';
import { bandFill, maxScore, shortName } from '../questionnaires/bands.ts';

interface Props {
  instrument: Instrument;
  results: QuestionnaireResult[];
  infusionTimes: number[];
  range: [number, number];
  dark: boolean;
  timeZone?: string;
  color: string;
}

export function ScoreChart({ instrument, results, infusionTimes, range, dark, timeZone, color }: Props) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const points = results
      // Only scores: a form kept in progress has no total to plot.
      .filter((r) => r.complete && r.total != null)
      .map((r) => [Date.parse(r.authoredAt) / 1000, r.total as number] as const)
      .sort((a, b) => a[0] - b[0]);
    return [points.map((p) => p[0]), points.map((p) => p[1])];
  }, [results]);

  const options = useMemo<ChartOptions>(() => {
    const palette = chartPalette(dark);
    const top = maxScore(instrument) || Math.max(...instrument.bands.map((b) => b.max), 1);
    const bands = instrument.bands;
    return {
      tzDate: tzDate(timeZone),
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 10 } },
      scales: {
        x: { time: true, range: () => range },
        y: { range: [0, top] },
      },
      axes: [
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          space: 64,
          values: (_u, splits) => splits.map((s) => formatDayMonth(s * 1000)),
        },
        {
          stroke: palette.axis,
          grid: { stroke: palette.grid },
          ticks: { stroke: palette.grid },
          size: 40,
          // Totals are whole numbers: no 2.5 on a 0–10 pain scale.
          incrs: [1, 2, 5, 10, 20, 25, 50, 100],
        },
      ],
      series: [
        {},
        {
          label: shortName(instrument),
          stroke: color,
          width: 2.5,
          points: { size: 9, width: 2, fill: palette.background },
          spanGaps: true,
        },
      ],
      hooks: {
        drawClear: [
          (u: uPlot) => {
            const { ctx } = u;
            const { left, top: plotTop, width, height } = u.bbox;
            ctx.save();
            ctx.beginPath();
            ctx.rect(left, plotTop, width, height);
            ctx.clip();
            bands.forEach((band, index) => {
              const y1 = Math.round(u.valToPos(Math.min(band.max + 0.5, top), 'y', true));
              const y0 = Math.round(u.valToPos(Math.max(band.min - 0.5, 0), 'y', true));
              ctx.fillStyle = bandFill(index, bands.length, dark);
              ctx.fillRect(left, y1, width, y0 - y1);
              // A band too thin for its name (pain NRS "No pain" is 0 alone) stays unlabelled.
              if (y0 - y1 < 14 * devicePixelRatio) {
                return;
              }
              ctx.fillStyle = palette.axis;
              ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
              ctx.textAlign = 'right';
              ctx.textBaseline = 'top';
              ctx.fillText(band.label, left + width - 6 * devicePixelRatio, y1 + 3 * devicePixelRatio);
            });
            ctx.restore();
          },
        ],
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const { top: plotTop, height } = u.bbox;
            ctx.save();
            ctx.strokeStyle = dark ? 'rgba(165,216,255,0.7)' : 'rgba(13,107,123,0.75)';
            ctx.lineWidth = 1.5 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
            for (const t of infusionTimes) {
              const x = u.valToPos(t, 'x', true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) {
                continue;
              }
              ctx.beginPath();
              ctx.moveTo(x, plotTop);
              ctx.lineTo(x, plotTop + height);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
  }, [instrument, infusionTimes, range, dark, timeZone, color]);

  const count = data[0].length;
  return (
    <UPlotChart
      options={options}
      data={data}
      height={200}
      label={`${shortName(instrument)} totals over time: ${count} result${count === 1 ? '' : 's'}; dashed lines mark infusion days.`}
    />
  );
}
