import type { LeadInput } from '@openkap/domain/leads/schema';
import { api } from '../api/client.ts';
import type { Lead } from '../api/types.ts';

export const leadsApi = {
  create: (body: LeadInput) => api.post<{ ok: true }>('/api/leads', body),
  list: (signal?: AbortSignal) => api.get<{ leads: Lead[] }>('/api/leads', { signal }),
};

export const interestLabels: Record<string, string> = {
  depression: 'Depression',
  ptsd: 'PTSD',
  chronic_pain: 'Chronic pain',
  substance_use: 'Alcohol or drug use',
  other: 'Something else',
};
