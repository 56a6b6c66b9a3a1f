import type { QuestionnaireInput, QuestionnaireLinkInput } from '@openkap/domain/instruments/schema';
import { api } from '../api/client.ts';
import { normalizeBands } from './bands.ts';
import type {
  Instrument,
  InstrumentId,
  PatientQuestionnaire,
  QuestionnaireLink,
  QuestionnaireResult,
  SafetyAlert,
} from '../api/types.ts';

function withBands(instrument: Instrument): Instrument {
  return { ...instrument, bands: normalizeBands(instrument.bands) };
}

export interface PatientSubmission {
  /** `declined`: items the patient chose "prefer not to answer" for. */
  responses: { instrument: InstrumentId; answers: Record<string, number | null>; declined?: string[] }[];
}

export const questionnairesApi = {
  instruments: (signal?: AbortSignal) =>
    api
      .get<{ instruments: Instrument[] }>('/api/instruments', { signal })
      .then((r) => ({ instruments: r.instruments.map(withBands) })),
  enter: (patientId: string, body: QuestionnaireInput) =>
    api.post<{ response: QuestionnaireResult }>(
      `/api/patients/${encodeURIComponent(patientId)}/questionnaires`,
      body,
    ),
  createLink: (patientId: string, body: QuestionnaireLinkInput) =>
    api.post<QuestionnaireLink>(`/api/patients/${encodeURIComponent(patientId)}/questionnaire-links`, body),
  open: (token: string, signal?: AbortSignal) =>
    api
      .get<PatientQuestionnaire>(`/api/q/${encodeURIComponent(token)}`, { signal })
      .then((r) => ({ ...r, instruments: r.instruments.map(withBands) })),
  submit: (token: string, body: PatientSubmission) =>
    api.post<{ ok: true }>(`/api/q/${encodeURIComponent(token)}`, body),
  safetyAlerts: (signal?: AbortSignal) =>
    api.get<{ alerts: SafetyAlert[] }>('/api/safety-alerts', { signal }),
  acknowledgeSafetyAlert: (id: string, note: string) =>
    api.post<undefined>(`/api/safety-alerts/${encodeURIComponent(id)}/acknowledge`, { note }),
};

/** Tell the header's safety-alert count to refresh after an acknowledgement. */
export const SAFETY_ALERTS_CHANGED = 'openkap:safety-alerts-changed';
export function announceSafetyAlertsChanged(): void {
  window.dispatchEvent(new Event(SAFETY_ALERTS_CHANGED));
}
