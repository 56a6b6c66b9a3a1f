import type { StaffRole } from '@openkap/domain/auth/schema';

/** The signed-in staff member a request acts for. */
export interface Caller {
  staffId: string;
  clinicId: string;
  role: StaffRole;
  name: string;
  email: string;
  via: 'session' | 'token';
}
