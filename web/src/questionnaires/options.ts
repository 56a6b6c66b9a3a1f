// The answers of one item. The server sends each item's own (MADRS anchors differ item by item) and
// the instrument's as the default; this mirrors `optionsFor` in domain/src/instruments/answers.ts.
import type { Instrument, InstrumentItem, InstrumentOption } from '../api/types.ts';

export function itemOptions(
  instrument: Pick<Instrument, 'options'>,
  item: InstrumentItem & { options?: InstrumentOption[] },
): InstrumentOption[] {
  return item.options ?? instrument.options;
}

/** "Not at all (0)", but "3" rather than "3 (3)" where a step has no wording of its own. */
export function optionLabel(option: InstrumentOption): string {
  return option.label === String(option.value) ? option.label : `${option.label} (${option.value})`;
}
