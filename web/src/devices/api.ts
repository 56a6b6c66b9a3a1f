import type { DeviceMessageStatus, DeviceView } from '@openkap/domain/devices/schema';
import { api, query } from '../api/client.ts';

export interface DeviceMessage {
  id: string;
  receivedAt: string;
  deviceId: string | null;
  controlId: string | null;
  messageType: string | null;
  status: DeviceMessageStatus;
  reason: string | null;
  patientId: string | null;
  infusionId: string | null;
  observationCount: number;
  resolvedAt: string | null;
  /** What the monitor said about the patient (PID-3, PID-5, PV1-3). */
  patientHint: {
    mrn: string;
    familyName: string;
    givenName: string;
    location: { pointOfCare: string; room: string; bed: string };
  } | null;
  readingsPreview: {
    kind: 'hr' | 'bp' | 'spo2' | 'rr' | 'temp';
    value: number;
    diastolic?: number;
    at: string;
  }[];
}

/** A bedside monitor and its settings (GET /api/devices). */
export type Device = DeviceView;

export interface DeviceSettings {
  label?: string | null;
  chairId?: string | null;
  timeZone?: string | null;
  /** Take the chair from the monitor that has it instead of answering 409 `chair_taken`. */
  moveChair?: boolean;
}

/** Fired after an assign or dismiss, so the nav badge refreshes at once. */
export const DEVICE_MESSAGES_CHANGED = 'openkap:device-messages-changed';

const base = (id: string) => `/api/device-messages/${encodeURIComponent(id)}`;

const deviceBase = (id: string) => `/api/devices/${encodeURIComponent(id)}`;

export const monitorsApi = {
  list: (signal?: AbortSignal) =>
    api.get<{ devices: Device[]; serverTime: string }>('/api/devices', { signal }),
  update: (id: string, settings: DeviceSettings) => api.patch<{ device: Device }>(deviceBase(id), settings),
  register: (body: DeviceSettings & { id: string }) => api.post<{ device: Device }>('/api/devices', body),
};

export const devicesApi = {
  list: (status: DeviceMessageStatus, signal?: AbortSignal) =>
    api.get<{ messages: DeviceMessage[] }>(`/api/device-messages${query({ status })}`, { signal }),
  count: (signal?: AbortSignal) => api.get<{ unmatched: number }>('/api/device-messages/count', { signal }),
  assign: (id: string, patientId: string) =>
    api.post<{ message: { id: string; patientId: string; infusionId: string | null; stored: number } }>(
      `${base(id)}/assign`,
      { patientId },
    ),
  dismiss: (id: string, note: string) =>
    api.post<{ message: { id: string } }>(`${base(id)}/dismiss`, { note }),
};

export function announceDeviceMessagesChanged(): void {
  window.dispatchEvent(new Event(DEVICE_MESSAGES_CHANGED));
}
