// Who may do what: the domain's table, the same one the server enforces on every request.
import { rolesAllowed, roleCan, type Permission } from '@openkap/domain/auth/permissions';
import { useStaffUser } from '../auth/session.tsx';
import { roleLabel } from './format.ts';

export type { Permission };
export { roleCan };

/** `can(permission)` for the signed-in user, and a sentence for when they cannot. */
export function usePermissions() {
  const user = useStaffUser();
  const can = (permission: Permission) => roleCan(user.role, permission);
  const whoCan = (permission: Permission) =>
    new Intl.ListFormat('en', { type: 'disjunction' }).format(
      rolesAllowed(permission).map((r) => roleLabel(r).toLowerCase()),
    );
  const cannot = (permission: Permission, action: string) => {
    const who = whoCan(permission);
    return `Your role (${roleLabel(user.role)}) cannot ${action}; ${/^[aeiou]/i.test(who) ? 'an' : 'a'} ${who} can.`;
  };
  return { can, cannot };
}
