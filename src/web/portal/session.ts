import { useEffect, useState } from 'react';
import { api, ApiError, type PortalSession, setCsrf } from './api';

/** The logged-in entrepreneur, shared by every page: `undefined` while unknown, `null` when out. */
let current: PortalSession | null | undefined;
const listeners = new Set<() => void>();

export function setSession(s: PortalSession | null): void {
  current = s;
  setCsrf(s?.csrfToken ?? '');
  for (const l of listeners) l();
}

export async function refreshSession(): Promise<PortalSession | null> {
  try {
    setSession(await api<PortalSession>('GET', '/api/portal/session'));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    setSession(null);
  }
  return current ?? null;
}

export function useSession(): PortalSession | null | undefined {
  const [s, setS] = useState(current);
  useEffect(() => {
    const update = () => setS(current);
    listeners.add(update);
    if (current === undefined) void refreshSession().catch(() => setSession(null));
    return () => {
      listeners.delete(update);
    };
  }, []);
  return s;
}
