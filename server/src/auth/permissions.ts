import type { StaffRole } from '@openkap/domain/auth/schema';
import { AppError } from '../http/errors.ts';
import type { Caller } from './caller.ts';

// Who may do what. Every service checks before it reads or writes.
const allowed = {
  'patients.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing'],
  'patients.write': ['admin', 'physician', 'nurse', 'front_desk'],
  'patients.clinical_write': ['physician', 'nurse'],
  'flags.acknowledge': ['physician'],
  'protocols.edit': ['admin', 'physician'],
  'plans.write': ['physician'],
  'infusions.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  'infusions.schedule': ['physician', 'nurse', 'front_desk'],
  'infusions.chart': ['physician', 'nurse'],
  'infusions.order': ['physician', 'nurse'],
  'questionnaires.enter': ['physician', 'nurse', 'therapist', 'front_desk'],
  'safety.manage': ['physician', 'nurse', 'therapist'],
  'leads.read': ['admin', 'front_desk'],
  'tokens.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof allowed;

export function can(caller: Caller, permission: Permission): boolean {
  return (allowed[permission] as readonly StaffRole[]).includes(caller.role);
}

export function requirePermission(caller: Caller, permission: Permission): void {
  if (!can(caller, permission)) {
    throw new AppError(
      403,
      'forbidden',
      `a ${caller.role.replace('_', ' ')} may not do this (${permission})`,
    );
  }
}
