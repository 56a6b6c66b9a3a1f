import { z } from 'zod';

// Staff roles of the clinic; a patient signs in through the portal, not as staff.
export const staffRoles = ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing'] as const;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  clinicId: z.string().uuid(),
  clinicName: z.string(),
  clinicTimeZone: z.string(),
});
export type StaffUser = z.infer<typeof StaffUser>;
