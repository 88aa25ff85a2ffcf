import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, setCsrfToken, setSessionLostHandler } from '../../shared/api';
import type { Session } from '../../shared/types';
import { ReloginModal } from './ReloginModal';

type Status = 'loading' | 'anonymous' | 'pending' | 'ready';

interface SessionApi {
  status: Status;
  /** The session; while `pending` it still needs a step (TOTP, enrolment, password change). */
  session: Session | null;
  /** True when the user holds any of `permissions`. */
  can: (...permissions: string[]) => boolean;
  /** True when one of the user's region-scoped grants carries any of `permissions`. */
  canByRegion: (...permissions: string[]) => boolean;
  /** A login flow finished (or moved on): keep the session and its CSRF token. */
  signedIn: (view: Session) => void;
  logout: () => Promise<void>;
  /** The idle time ran out: end the session and ask for the password over the current page. */
  expire: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

interface Pending {
  resolve: () => void;
  reject: (error: ApiError) => void;
  promise: Promise<void>;
  error: ApiError;
}

/**
 * Holds the session of the console. When the API reports the session gone while the user is
 * working, a re-login dialog opens over the page (the page stays mounted, so forms keep what was
 * typed) and the refused request is sent again after a successful login.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<Status>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [relogin, setRelogin] = useState<Pending | null>(null);
  const statusRef = useRef(status);
  const pendingRef = useRef<Pending | null>(null);
  statusRef.current = status;

  const signedIn = useCallback((view: Session) => {
    setCsrfToken(view.csrfToken);
    setSession(view);
    setStatus(view.next === 'ok' ? 'ready' : 'pending');
  }, []);

  useEffect(() => {
    let cancelled = false;
    api<Session>('/api/auth/session', { noRelogin: true }).then(
      (view) => !cancelled && signedIn(view),
      () => !cancelled && setStatus('anonymous'),
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  const openRelogin = useCallback((error: ApiError): Promise<void> => {
    if (statusRef.current !== 'ready') return Promise.reject(error);
    if (pendingRef.current) return pendingRef.current.promise;
    let resolve!: () => void;
    let reject!: (e: ApiError) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const pending: Pending = { resolve, reject, promise, error };
    pendingRef.current = pending;
    setRelogin(pending);
    return promise;
  }, []);

  useEffect(() => {
    setSessionLostHandler(openRelogin);
    return () => setSessionLostHandler(null);
  }, [openRelogin]);

  const expire = useCallback(() => {
    if (statusRef.current !== 'ready' || pendingRef.current) return;
    void api('/api/auth/logout', { method: 'POST', noRelogin: true }).catch(() => undefined);
    const error = new ApiError(401, { code: 'SESSION_EXPIRED', message: '', details: {} });
    openRelogin(error).catch(() => undefined);
  }, [openRelogin]);

  const endRelogin = useCallback(
    (view: Session | null) => {
      const pending = pendingRef.current;
      pendingRef.current = null;
      setRelogin(null);
      if (!pending) return;
      if (view) {
        signedIn(view);
        pending.resolve();
      } else {
        pending.reject(pending.error);
      }
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', noRelogin: true });
    } catch {
      // Already logged out or expired: nothing to end on the server.
    }
    setCsrfToken(null);
    setSession(null);
    setStatus('anonymous');
    void navigate('/login');
  }, [navigate]);

  const value = useMemo<SessionApi>(() => {
    const held = new Set(session?.permissions ?? []);
    const byRegion = new Set(
      (session?.grants ?? []).flatMap((g) => (g.scopeType === 'region' ? g.permissions : [])),
    );
    return {
      status,
      session,
      can: (...permissions) => permissions.some((p) => held.has(p)),
      canByRegion: (...permissions) => permissions.some((p) => byRegion.has(p)),
      signedIn,
      logout,
      expire,
    };
  }, [status, session, signedIn, logout, expire]);

  return (
    <SessionContext.Provider value={value}>
      {children}
      {relogin && session && (
        <ReloginModal
          login={session.login}
          onDone={(view) => endRelogin(view)}
          onLogout={() => {
            endRelogin(null);
            void logout();
          }}
        />
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
