import { z } from 'zod';

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
