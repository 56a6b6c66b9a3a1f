// A thin React wrapper around uPlot: creates the chart when the options change, pushes new data
// without rebuilding, and follows the container's width.
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

interface Props {
  options: ChartOptions;
  data: uPlot.AlignedData;
  height: number;
  /** What the chart shows, for screen readers (the same facts are also given as text nearby). */
  label: string;
  testId?: string;
}

export function UPlotChart({ options, data, height, label, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);

  useEffect(() => {
    latestData.current = data;
    chart.current?.setData(data);
  }, [data]);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) {
      return;
    }
    const plot = new uPlot(
      { ...options, width: Math.max(200, element.clientWidth), height },
      latestData.current,
      element,
    );
    chart.current = plot;
    const observer = new ResizeObserver(() => {
      const width = Math.max(200, element.clientWidth);
      if (width !== plot.width) {
        plot.setSize({ width, height });
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [options, height]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', minHeight: height }}
    />
  );
}

export interface ChartPalette {
  axis: string;
  grid: string;
  text: string;
  background: string;
}

export function chartPalette(dark: boolean): ChartPalette {
  return dark
    ? { axis: '#c1c2c5', grid: 'rgba(255,255,255,0.08)', text: '#e9ecef', background: '#1a1b1e' }
    : { axis: '#495057', grid: 'rgba(0,0,0,0.07)', text: '#212529', background: '#ffffff' };
}

/** Format unix seconds in a time zone (uPlot draws in local time unless told otherwise). */
export function tzDate(timeZone: string | undefined): ((ts: number) => Date) | undefined {
  if (!timeZone) {
    return undefined;
  }
  return (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone);
}
