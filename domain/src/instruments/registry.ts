import { DomainError } from '../errors.ts';
import { cadss } from './cadss.ts';
import { gad7 } from './gad7.ts';
import { madrs } from './madrs.ts';
import { pacs } from './pacs.ts';
import { painNrs } from './pain-nrs.ts';
import { pcl5 } from './pcl5.ts';
import { phq9 } from './phq9.ts';
import { useDiary } from './use-diary.ts';
import type { Instrument } from './types.ts';

export type InstrumentRegistry = Readonly<Record<string, Instrument>>;

/** Built-in instruments by id; a new instrument is one more `Instrument` value here. */
export const instruments: InstrumentRegistry = {
  phq9,
  gad7,
  madrs,
  pcl5,
  cadss,
  pacs,
  [painNrs.id]: painNrs,
  [useDiary.id]: useDiary,
};

export function getInstrument(id: string, registry: InstrumentRegistry = instruments): Instrument {
  const instrument = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (!instrument) {
    throw new DomainError('unknown_instrument', `Unknown instrument "${id}"`, { instrumentId: id });
  }
  return instrument;
}
