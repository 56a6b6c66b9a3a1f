// Response and remission as dots with their 95 % intervals as whiskers, on one 0–100 % axis, each over
// both denominators: the patients with a follow-up score (filled dot) and intent to treat (hollow dot,
// everyone with a baseline). Plain SVG sized to its box, so the text stays legible on a phone; the
// figures are also in the label.
import { Box, Text, useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { OutcomeReport } from './api.ts';
import { interval, percent } from './numbers.ts';

interface Row {
  label: string;
  /** Which denominator, under the label. */
  over: string;
  /** Intent to treat: drawn hollow, so the two differ by shape as well as by place. */
  itt: boolean;
  count: number;
  of: number;
  rate: number | null;
  ci: [number, number] | null;
  color: string;
}

const ROW = 52;
const TOP = 8;
const AXIS = 30;
const RIGHT = 18;

export function RateChart({ report }: { report: OutcomeReport }) {
  const { ref, width } = useElementSize();
  const dark = useComputedColorScheme('light') === 'dark';
  const response = dark ? '#3aafbc' : '#0d6b7b';
  const remission = dark ? '#74c0fc' : '#1864ab';
  const itt = report.intentToTreat;
  const rows: Row[] = [
    {
      label: 'Response',
      over: 'with follow-up',
      itt: false,
      count: report.responders,
      of: report.withFollowUp,
      rate: report.responseRate,
      ci: report.responseCI95,
      color: response,
    },
    {
      label: 'Response',
      over: 'intent to treat',
      itt: true,
      count: itt.responders,
      of: itt.patients,
      rate: itt.responseRate,
      ci: itt.responseCI95,
      color: response,
    },
    {
      label: 'Remission',
      over: 'with follow-up',
      itt: false,
      count: report.remitters,
      of: report.withFollowUp,
      rate: report.remissionRate,
      ci: report.remissionCI95,
      color: remission,
    },
    {
      label: 'Remission',
      over: 'intent to treat',
      itt: true,
      count: itt.remitters,
      of: itt.patients,
      rate: itt.remissionRate,
      ci: itt.remissionCI95,
      color: remission,
    },
  ];
  const text = dark ? '#e9ecef' : '#212529';
  const axis = dark ? '#c1c2c5' : '#495057';
  const grid = dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.09)';
  const narrow = width < 360;
  const labelWidth = narrow ? 104 : 116;
  const ticks = narrow ? [0, 50, 100] : [0, 25, 50, 75, 100];
  const height = TOP + rows.length * ROW + AXIS;
  const plotWidth = Math.max(60, width - labelWidth - RIGHT);
  const x = (rate: number) => labelWidth + rate * plotWidth;

  const summary = rows
    .map((r) =>
      r.rate == null
        ? `${r.label} ${r.over}: no rate`
        : `${r.label} ${r.over} ${percent(r.rate)}, ${interval(r.ci) ?? ''} (${r.count} of ${r.of})`,
    )
    .join('; ');

  return (
    <Box ref={ref} w="100%" mih={height}>
      {width > 0 ? (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Response and remission with 95 % confidence intervals: ${summary}.`}
          style={{ display: 'block', fontFamily: 'inherit' }}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={x(t / 100)}
                x2={x(t / 100)}
                y1={TOP}
                y2={TOP + rows.length * ROW}
                stroke={grid}
                strokeDasharray={t === 50 ? '4 3' : undefined}
              />
              <text
                x={x(t / 100)}
                y={TOP + rows.length * ROW + 18}
                fontSize={12}
                fill={axis}
                textAnchor={t === 0 ? 'start' : t === 100 ? 'end' : 'middle'}
              >
                {t} %
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const cy = TOP + i * ROW + ROW / 2;
            return (
              <g key={`${r.label}-${r.over}`}>
                <text x={0} y={cy - 2} fontSize={14} fontWeight={600} fill={text}>
                  {r.label}
                </text>
                <text x={0} y={cy + 14} fontSize={12} fill={axis}>
                  {r.over}
                </text>
                {r.rate == null ? (
                  <text x={labelWidth} y={cy + 5} fontSize={13} fill={axis}>
                    – no rate
                  </text>
                ) : (
                  <>
                    {r.ci ? (
                      <g stroke={r.color} strokeWidth={2}>
                        <line x1={x(r.ci[0])} x2={x(r.ci[1])} y1={cy} y2={cy} />
                        <line x1={x(r.ci[0])} x2={x(r.ci[0])} y1={cy - 8} y2={cy + 8} />
                        <line x1={x(r.ci[1])} x2={x(r.ci[1])} y1={cy - 8} y2={cy + 8} />
                      </g>
                    ) : null}
                    <circle
                      cx={x(r.rate)}
                      cy={cy}
                      r={7}
                      fill={r.itt ? (dark ? '#1a1b1e' : '#fff') : r.color}
                      stroke={r.itt ? r.color : dark ? '#1a1b1e' : '#fff'}
                      strokeWidth={r.itt ? 3 : 2}
                    />
                    <text
                      x={Math.min(Math.max(x(r.rate), labelWidth + 16), labelWidth + plotWidth - 16)}
                      y={cy - 12}
                      fontSize={13}
                      fontWeight={700}
                      fill={text}
                      textAnchor="middle"
                    >
                      {percent(r.rate)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>
        Filled dot: the rate over patients with a follow-up score. Hollow dot: intent to treat, over everyone
        with a baseline (no follow-up counted as not responding). Whiskers: the 95 % confidence interval
        (Wilson), wide when few patients are counted.
      </Text>
    </Box>
  );
}
