import { roleCan, type Permission } from '@openkap/domain/auth/permissions';
import { AppError } from '../http/errors.ts';
import type { Caller } from './caller.ts';

export type { Permission };

export function can(caller: Caller, permission: Permission): boolean {
  return roleCan(caller.role, permission);
}

/** Every service calls this before it reads or writes. */
export function requirePermission(caller: Caller, permission: Permission): void {
  if (!can(caller, permission)) {
    throw new AppError(
      403,
      'forbidden',
      `a ${caller.role.replace('_', ' ')} may not do this (${permission})`,
    );
  }
}
