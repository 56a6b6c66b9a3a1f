import { DomainError } from '../errors.ts';
import { gad7 } from './gad7.ts';
import { phq9 } from './phq9.ts';
import type { Instrument } from './types.ts';

export type InstrumentRegistry = Readonly<Record<string, Instrument>>;

/** Built-in instruments by id. MADRS, PCL-5, CADSS etc. are added as more `Instrument` data. */
export const instruments: InstrumentRegistry = { phq9, gad7 };

export function getInstrument(id: string, registry: InstrumentRegistry = instruments): Instrument {
  const instrument = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (!instrument) {
    throw new DomainError('unknown_instrument', `Unknown instrument "${id}"`, { instrumentId: id });
  }
  return instrument;
}
