import type { ClinicSettingsUpdate, ClinicSettingsView } from '@openkap/domain/clinics/settings';
import { api } from '../api/client.ts';

/** The clinic's own settings (clinical-judgement defaults the clinic may change). */
export const clinicsApi = {
  settings: (signal?: AbortSignal) => api.get<ClinicSettingsView>('/api/clinic-settings', { signal }),
  updateSettings: (body: ClinicSettingsUpdate) => api.patch<ClinicSettingsView>('/api/clinic-settings', body),
};
