import { z } from 'zod';
import { timeZoneName } from './time-zones.ts';

/**
 * The monitor-message review queue (issue 3: "What cannot be matched is kept in a review queue where
 * staff assign it — nothing is dropped"). `dismissed` is not a stored status: it is an `unmatched`
 * message that staff resolved without charting it (resolved_at set), so it stays in the log.
 */
export const deviceMessageStatuses = ['unmatched', 'dismissed', 'assigned', 'stored', 'rejected'] as const;
export type DeviceMessageStatus = (typeof deviceMessageStatuses)[number];

export const DeviceMessageListQuery = z.object({
  status: z.enum(deviceMessageStatuses).default('unmatched'),
});

export const DeviceMessageIdParam = z.object({ id: z.string().uuid('not a valid id') });

export const AssignDeviceMessageInput = z.object({ patientId: z.string().uuid('choose a patient') });
export type AssignDeviceMessageInput = z.infer<typeof AssignDeviceMessageInput>;

export const DismissDeviceMessageInput = z.object({
  note: z.string().trim().min(1, 'say why the message is dismissed').max(500),
});
export type DismissDeviceMessageInput = z.infer<typeof DismissDeviceMessageInput>;

/**
 * Monitor settings (issue 3): which chair a monitor is at — its readings then chart on that chair's
 * patient when the message names none — and the time zone its clock runs in.
 */
const HL7_DELIMITERS_OR_CONTROL = /[\^~\\&|\p{Cc}]/u;

/** Exactly as the monitor sends it: the EUI-64 in MSH-3.2, else the application name in MSH-3.1. */
export const DeviceId = z
  .string()
  .trim()
  .min(1, 'give the monitor’s device id')
  .max(100, 'a device id is at most 100 characters')
  .refine((v) => !HL7_DELIMITERS_OR_CONTROL.test(v), {
    message: 'a device id cannot hold HL7 delimiters (^ ~ \\ & |) or control characters',
  });

export const DeviceIdParam = z.object({ id: DeviceId });

/** Empty text clears the label. */
const DeviceLabel = z
  .string()
  .trim()
  .max(80, 'a label is at most 80 characters')
  .nullable()
  .transform((v) => v || null);

const DeviceChairId = z.string().uuid('choose a chair').nullable();

/** An IANA zone in its proper spelling; null = the monitor sends UTC offsets (or UTC). */
const DeviceTimeZone = z
  .string()
  .max(64)
  .nullable()
  .transform((v, ctx) => {
    if (v === null || v.trim() === '') {
      return null;
    }
    const name = timeZoneName(v);
    if (!name) {
      ctx.addIssue({
        code: 'custom',
        message: `“${v}” is not a known time zone; use an IANA name such as America/Chicago`,
      });
      return z.NEVER;
    }
    return name;
  });

const settingsFields = {
  label: DeviceLabel.optional(),
  chairId: DeviceChairId.optional(),
  timeZone: DeviceTimeZone.optional(),
  /**
   * When the chair already has another monitor: false (default) answers 409 naming it; true moves the
   * chair here and leaves the other monitor without one.
   */
  moveChair: z.boolean().optional(),
};

export const DeviceSettingsInput = z
  .object(settingsFields)
  .refine((s) => s.label !== undefined || s.chairId !== undefined || s.timeZone !== undefined, {
    message: 'say what to change: label, chairId or timeZone',
  });
export type DeviceSettingsInput = z.infer<typeof DeviceSettingsInput>;

/** Registers a monitor before it first sends, so its first readings already land on its chair. */
export const RegisterDeviceInput = z.object({ id: DeviceId, ...settingsFields });
export type RegisterDeviceInput = z.infer<typeof RegisterDeviceInput>;

/** A bedside monitor and its settings, as GET /api/devices answers it (server and web share this shape). */
export interface DeviceView {
  /** Exactly as the monitor sends it (MSH-3.2 EUI-64, else MSH-3.1). */
  id: string;
  label: string | null;
  chairId: string | null;
  chairName: string | null;
  timeZone: string | null;
  /** Null until the monitor's first message (registered ahead by staff). */
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}
