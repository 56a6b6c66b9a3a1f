// Severity bands of an instrument, as the server sends them, made uniform: [{ min, max, code, label }].
// Tolerates the few shapes a band table is commonly written in (min/max, from/to, low/high).
import type { Instrument, InstrumentBand } from '../api/types.ts';
import { itemOptions } from './options.ts';

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function normalizeBands(raw: unknown): InstrumentBand[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const bands: InstrumentBand[] = [];
  for (const entry of raw as Record<string, unknown>[]) {
    if (typeof entry !== 'object' || entry === null) {
      continue;
    }
    const min = num(entry.min) ?? num(entry.from) ?? num(entry.low) ?? num(entry.lower);
    const max = num(entry.max) ?? num(entry.to) ?? num(entry.high) ?? num(entry.upper);
    const code = str(entry.code) ?? str(entry.band) ?? str(entry.id) ?? str(entry.key) ?? '';
    const label = str(entry.label) ?? str(entry.name) ?? str(entry.title) ?? code;
    if (min === undefined || max === undefined) {
      continue;
    }
    bands.push({ min, max, code, label });
  }
  return bands.sort((a, b) => a.min - b.min);
}

/** The highest possible total: each item's highest answer, summed. */
export function maxScore(instrument: Pick<Instrument, 'items' | 'options' | 'maxTotal'>): number {
  if (instrument.maxTotal !== undefined) {
    return instrument.maxTotal;
  }
  return instrument.items.reduce(
    (sum, item) => sum + Math.max(0, ...itemOptions(instrument, item).map((o) => o.value)),
    0,
  );
}

export function bandFor(bands: InstrumentBand[], total: number): InstrumentBand | undefined {
  return bands.find((b) => total >= b.min && total <= b.max);
}

/** Fills from calm to alarming, by the band's rank; translucent so grid and lines show through. */
export function bandFill(index: number, count: number, dark: boolean): string {
  const light = [
    'rgba(47,158,68,0.10)',
    'rgba(250,176,5,0.14)',
    'rgba(253,126,20,0.15)',
    'rgba(240,62,62,0.14)',
    'rgba(201,42,42,0.20)',
  ];
  const darkFills = [
    'rgba(47,158,68,0.18)',
    'rgba(250,176,5,0.16)',
    'rgba(253,126,20,0.18)',
    'rgba(240,62,62,0.20)',
    'rgba(201,42,42,0.28)',
  ];
  const palette = dark ? darkFills : light;
  const last = palette.length - 1;
  // The top band is always the most alarming colour; the others step up from calm.
  const position = count <= 1 ? 0 : index === count - 1 ? last : Math.floor((index * last) / (count - 1));
  return palette[position] ?? palette[0] ?? 'transparent';
}

/** "PHQ-9" where space is short, the full title otherwise. */
export function shortName(instrument: Pick<Instrument, 'title' | 'shortTitle'>): string {
  return instrument.shortTitle ?? instrument.title;
}
