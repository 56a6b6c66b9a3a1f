import { api } from '../api/client.ts';
import type { Protocol } from '../api/types.ts';

export const protocolsApi = {
  list: (signal?: AbortSignal) => api.get<{ protocols: Protocol[] }>('/api/protocols', { signal }),
  save: (protocol: Protocol) =>
    api.put<{ protocol: Protocol }>(`/api/protocols/${encodeURIComponent(protocol.id)}`, protocol),
};

export const indicationLabels: Record<Protocol['indication'], string> = {
  depression: 'Depression',
  ptsd: 'PTSD',
  chronic_pain: 'Chronic pain',
  substance_use: 'Substance use',
  kap: 'Ketamine-assisted psychotherapy',
};
