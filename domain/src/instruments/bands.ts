import { DomainError } from '../errors.ts';
import type { Instrument, SeverityBand } from './types.ts';

/** The band a total falls in; totals are whole numbers, bands are inclusive at both ends. */
export function bandForScore(instrument: Instrument, total: number): SeverityBand {
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) {
    throw new DomainError('invalid_input', `${instrument.shortTitle} total ${total} is outside every band`, {
      instrumentId: instrument.id,
      total,
    });
  }
  return band;
}
