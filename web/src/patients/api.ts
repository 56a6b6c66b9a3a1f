import type {
  HeightInput,
  MedicationInput,
  PatientInput,
  PatientUpdate,
  WeightInput,
} from '@openkap/domain/patients/schema';
import type { TherapySessionInput, TherapySessionView } from '@openkap/domain/therapy/schema';
import type { RelapseInput, RelapseView } from '@openkap/domain/outcomes/relapse';
import { api, query } from '../api/client.ts';
import type { Patient, PatientSummary, Protocol } from '../api/types.ts';

const base = (id: string) => `/api/patients/${encodeURIComponent(id)}`;

/** One psychotherapy session (preparation, during dosing, integration, MET, relapse prevention). */
export type TherapySession = TherapySessionView;

/**
 * The chart as GET /api/patients/:id sends it: `therapySessions` is null when the signed-in role may not
 * read therapy summaries (front desk, billing), and absent from older servers; so are `relapses`.
 */
export type ChartPatient = Patient & { therapySessions?: TherapySession[] | null; relapses?: RelapseView[] };

/** A patient whose scores are climbing back after the series (GET /api/booster-signals). */
export interface BoosterSignalPatient {
  patientId: string;
  mrn: string;
  name: string;
  instrument: string;
  reason: string;
  daysSinceLastInfusion: number;
  low: { date: string; score: number } | null;
  latest: { date: string; score: number } | null;
}

export const patientsApi = {
  boosterSignals: (signal?: AbortSignal) =>
    api.get<{ patients: BoosterSignalPatient[] }>('/api/booster-signals', { signal }),
  search: (q: string, signal?: AbortSignal) =>
    api.get<{ patients: PatientSummary[] }>(`/api/patients${query({ q: q.trim() })}`, { signal }),
  create: (body: PatientInput) => api.post<{ patient: Patient }>('/api/patients', body),
  get: (id: string, signal?: AbortSignal) => api.get<{ patient: ChartPatient }>(base(id), { signal }),
  update: (id: string, body: PatientUpdate) => api.patch<{ patient: Patient }>(base(id), body),
  addWeight: (id: string, body: WeightInput) => api.post<{ patient: Patient }>(`${base(id)}/weights`, body),
  addHeight: (id: string, body: HeightInput) => api.post<{ patient: Patient }>(`${base(id)}/heights`, body),
  addMedication: (id: string, body: MedicationInput) =>
    api.post<{ patient: Patient }>(`${base(id)}/medications`, body),
  stopMedication: (id: string, medicationId: string) =>
    api.post<{ patient: Patient }>(`${base(id)}/medications/${encodeURIComponent(medicationId)}/stop`),
  acknowledgeFlag: (id: string, code: string, note?: string) =>
    api.post<{ patient: Patient }>(
      `${base(id)}/flags/${encodeURIComponent(code)}/acknowledge`,
      note ? { note } : {},
    ),
  setPlan: (id: string, protocolId: string) =>
    api.post<{ patient: Patient }>(`${base(id)}/plan`, { protocolId }),
  protocols: (signal?: AbortSignal) => api.get<{ protocols: Protocol[] }>('/api/protocols', { signal }),
  recordTherapySession: (id: string, body: TherapySessionInput) =>
    api.post<{ session: TherapySession }>(`${base(id)}/therapy-sessions`, body),
  recordRelapse: (id: string, body: RelapseInput) =>
    api.post<{ relapse: RelapseView }>(`${base(id)}/relapses`, body),
};

export function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

/** Age in whole years on `today` (YYYY-MM-DD), from a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) {
    return null;
  }
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
