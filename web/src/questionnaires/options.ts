// The answers of one item. The server sends each item's own (MADRS anchors differ item by item) and
// the instrument's as the default; this mirrors `optionsFor` in domain/src/instruments/answers.ts.
import type { Instrument, InstrumentItem, InstrumentOption } from '../api/types.ts';

export function itemOptions(
  instrument: Pick<Instrument, 'options'>,
  item: InstrumentItem,
): InstrumentOption[] {
  return item.options ?? instrument.options;
}

/** "Not at all (0)", but "3" rather than "3 (3)" where a step has no wording of its own. */
export function optionLabel(option: InstrumentOption): string {
  return option.label === String(option.value) ? option.label : `${option.label} (${option.value})`;
}

const plain = (o: InstrumentOption): boolean => o.label === String(o.value);

/**
 * How to lay an item's answers out:
 * - `scale`: a numbered scale whose steps are bare numbers (pain 0–10, PACS 0–6): one compact
 *   button per number, the worded ends as a legend;
 * - `list`: long or many worded answers (MADRS anchors): one per line;
 * - `row`: a few short answers (PHQ-9, PCL-5): side by side, wrapping on a phone.
 */
export function answerLayout(options: readonly InstrumentOption[]): 'scale' | 'list' | 'row' {
  const inner = options.slice(1, -1);
  if (options.length > 5 && inner.length > 0 && inner.every(plain)) {
    return 'scale';
  }
  if (options.length > 5 || options.some((o) => o.label.length > 28)) {
    return 'list';
  }
  return 'row';
}

/** The worded ends of a numbered scale, for its legend ("0 = No pain", "10 = Worst pain imaginable"). */
export function scaleAnchors(options: readonly InstrumentOption[]): InstrumentOption[] {
  const ends = [options[0], options.at(-1)].filter((o) => o !== undefined);
  return ends.filter((o) => !plain(o));
}
