// Who is signed in. Checked lazily (public pages never ask), cleared when any request answers 401.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, onUnauthorized } from '../api/client.ts';
import type { StaffUser } from '../api/types.ts';
import { setDisplayTimeZone } from '../app/format.ts';
import { authApi } from './api.ts';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-in'; user: StaffUser }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'error'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  check: () => void;
  signedIn: (user: StaffUser) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'unknown' });
  const checking = useRef(false);

  const signedIn = useCallback((user: StaffUser) => {
    setDisplayTimeZone(user.clinicTimeZone);
    setState({ status: 'signed-in', user });
  }, []);

  const check = useCallback(() => {
    if (checking.current) {
      return;
    }
    checking.current = true;
    authApi
      .me()
      .then(
        ({ user }) => signedIn(user),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) {
            setState({ status: 'signed-out', expired: false });
          } else {
            setState({ status: 'error', error });
          }
        },
      )
      .finally(() => {
        checking.current = false;
      });
  }, [signedIn]);

  useEffect(
    () =>
      onUnauthorized(() =>
        setState((previous) =>
          previous.status === 'signed-in' ? { status: 'signed-out', expired: true } : previous,
        ),
      ),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ status: 'signed-out', expired: false });
    }
  }, []);

  const value = useMemo(() => ({ state, check, signedIn, signOut }), [state, check, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}

/** The signed-in user; only for screens under RequireStaff. */
export function useStaffUser(): StaffUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') {
    throw new Error('useStaffUser needs a signed-in session');
  }
  return state.user;
}
