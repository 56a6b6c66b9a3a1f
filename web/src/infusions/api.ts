import type {
  AdministrationInput,
  BpOverrideInput,
  DischargeInput,
  EndDosingInput,
  DoseOrderInput,
  InterventionInput,
  PrecheckInput,
  PumpEventInput,
  RecoveryScoreInput,
  SideEffectInput,
  VitalsInput,
} from '@openkap/domain/infusions/schema';
import { api } from '../api/client.ts';
import type { Board, Chair, Infusion, InfusionCatalog } from '../api/types.ts';
import type { ClinicianView } from '@openkap/domain/infusions/view-schema';

type One = { infusion: Infusion };
const base = (id: string) => `/api/infusions/${encodeURIComponent(id)}`;

export const infusionsApi = {
  catalog: (signal?: AbortSignal) => api.get<InfusionCatalog>('/api/infusions/catalog', { signal }),
  chairs: (signal?: AbortSignal) => api.get<{ chairs: Chair[] }>('/api/chairs', { signal }),
  board: (signal?: AbortSignal) => api.get<Board>('/api/infusions/board', { signal }),
  create: (body: { patientId: string; chairId?: string; scheduledAt?: string }) =>
    api.post<One>('/api/infusions', body),
  get: (id: string, signal?: AbortSignal) => api.get<One>(base(id), { signal }),
  prechecks: (id: string, body: PrecheckInput) => api.post<One>(`${base(id)}/prechecks`, body),
  doseOrder: (id: string, body: DoseOrderInput) => api.post<One>(`${base(id)}/dose-order`, body),
  pump: (id: string, body: PumpEventInput) => api.post<One>(`${base(id)}/pump`, body),
  administration: (id: string, body: AdministrationInput) =>
    api.post<One>(`${base(id)}/administrations`, body),
  endDosing: (id: string, body: EndDosingInput) => api.post<One>(`${base(id)}/end-dosing`, body),
  bpOverride: (id: string, body: BpOverrideInput) => api.post<One>(`${base(id)}/bp-override`, body),
  recoveryScore: (id: string, body: RecoveryScoreInput) => api.post<One>(`${base(id)}/recovery-scores`, body),
  clinicians: (signal?: AbortSignal) =>
    api.get<{ clinicians: ClinicianView[] }>('/api/infusions/clinicians', { signal }),
  vitals: (id: string, body: VitalsInput) => api.post<One>(`${base(id)}/vitals`, body),
  sideEffect: (id: string, body: SideEffectInput) => api.post<One>(`${base(id)}/side-effects`, body),
  intervention: (id: string, body: InterventionInput) => api.post<One>(`${base(id)}/interventions`, body),
  acknowledgeAlert: (id: string, alertId: string, note: string) =>
    api.post<One>(`${base(id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`, { note }),
  acknowledgeDeviceAlarm: (id: string, alarmId: string, note: string) =>
    api.post<One>(`${base(id)}/device-alarms/${encodeURIComponent(alarmId)}/acknowledge`, { note }),
  discharge: (id: string, body: DischargeInput) => api.post<One>(`${base(id)}/discharge`, body),
  liveUrl: (id: string) => `${base(id)}/live`,
};
