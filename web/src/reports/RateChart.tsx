// Response and remission as dots with their 95 % intervals as whiskers, on one 0–100 % axis. Plain
// SVG sized to its box, so the text stays legible on a phone; the figures are also in the label.
import { Box, Text, useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { OutcomeReport } from './api.ts';
import { interval, percent } from './numbers.ts';

interface Row {
  label: string;
  count: number;
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
  const rows: Row[] = [
    {
      label: 'Response',
      count: report.responders,
      rate: report.responseRate,
      ci: report.responseCI95,
      color: dark ? '#3aafbc' : '#0d6b7b',
    },
    {
      label: 'Remission',
      count: report.remitters,
      rate: report.remissionRate,
      ci: report.remissionCI95,
      color: dark ? '#74c0fc' : '#1864ab',
    },
  ];
  const text = dark ? '#e9ecef' : '#212529';
  const axis = dark ? '#c1c2c5' : '#495057';
  const grid = dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.09)';
  const narrow = width < 360;
  const labelWidth = narrow ? 92 : 100;
  const ticks = narrow ? [0, 50, 100] : [0, 25, 50, 75, 100];
  const height = TOP + rows.length * ROW + AXIS;
  const plotWidth = Math.max(60, width - labelWidth - RIGHT);
  const x = (rate: number) => labelWidth + rate * plotWidth;

  const summary = rows
    .map((r) =>
      r.rate == null
        ? `${r.label}: no rate, nobody has a follow-up score`
        : `${r.label} ${percent(r.rate)}, ${interval(r.ci) ?? ''} (${r.count} of ${report.withFollowUp})`,
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
              <g key={r.label}>
                <text x={0} y={cy + 5} fontSize={14} fontWeight={600} fill={text}>
                  {r.label}
                </text>
                {r.rate == null ? (
                  <text x={labelWidth} y={cy + 5} fontSize={13} fill={axis}>
                    – no follow-up score
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
                      fill={r.color}
                      stroke={dark ? '#1a1b1e' : '#fff'}
                      strokeWidth={2}
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
        Dot: the rate. Whiskers: its 95 % confidence interval (Wilson), which is wide when few patients have a
        follow-up score.
      </Text>
    </Box>
  );
}
