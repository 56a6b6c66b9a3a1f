import type { LoginRequest } from '@openkap/domain/auth/schema';
import { api } from '../api/client.ts';
import type { StaffUser } from '../api/types.ts';

export const authApi = {
  me: () => api.get<{ user: StaffUser }>('/api/auth/me', { expectUnauthorized: true }),
  login: (body: LoginRequest) =>
    api.post<{ user: StaffUser }>('/api/auth/login', body, { expectUnauthorized: true }),
  logout: () => api.post<undefined>('/api/auth/logout'),
};
