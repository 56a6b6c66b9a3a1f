import { Text } from '@mantine/core';

/** A small heart-rate trend across the card's width, with a caption (the figure above carries the value). */
export function Sparkline({
  values,
  color,
  label,
  height = 32,
}: {
  values: number[];
  color: string;
  label: string;
  height?: number;
}) {
  if (values.length < 2) {
    return null;
  }
  const width = 200;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <div>
      <svg
        width="100%"
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        aria-hidden
        focusable="false"
      >
        <polyline
          points={points}
          fill="none"
          stroke={color}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
      <Text size="xs" c="dimmed">
        {label}: {min}–{max} bpm
      </Text>
    </div>
  );
}
