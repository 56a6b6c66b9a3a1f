import { getInstrument } from '@openkap/domain/instruments/registry';
import type { ResponseRow } from './store.ts';

export interface QuestionnaireView {
  id: string;
  instrument: string;
  total: number | null;
  band: string | null;
  bandLabel: string | null;
  authoredAt: string;
  complete: boolean;
  imputed: boolean;
  safetyAlert: boolean;
  source: string;
}

export function questionnaireView(r: ResponseRow): QuestionnaireView {
  const instrument = getInstrument(r.instrument);
  return {
    id: r.id,
    instrument: r.instrument,
    total: r.total == null ? null : Number(r.total),
    band: r.band,
    bandLabel: instrument.bands.find((b) => b.id === r.band)?.label ?? null,
    authoredAt: new Date(r.authored_at).toISOString(),
    complete: r.complete,
    imputed: r.imputed,
    safetyAlert: r.safety_alert,
    source: r.source,
  };
}
