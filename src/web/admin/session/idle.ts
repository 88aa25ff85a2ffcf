/**
 * Client-side view of the server's idle timeout. The server ends a session `idleMinutes` after
 * its last recorded activity and records activity at most once a minute, so the session may end
 * up to a minute before `last request + idle`: the deadline here keeps that minute of margin.
 * The time of the last request is shared between tabs through localStorage.
 */
const KEY = 'fx.lastActivity';
/** The server writes lastSeenAt at most this often (src/server/platform/auth/session-hook.ts). */
export const SERVER_TOUCH_SLACK_MS = 60_000;
/** How long before the deadline the warning opens. */
export const WARN_BEFORE_MS = 2 * 60_000;
export const DEFAULT_IDLE_MINUTES = 30;

export function markActivity(now: number = Date.now()): void {
  try {
    localStorage.setItem(KEY, String(now));
  } catch {
    // Storage unavailable: this tab alone tracks its activity.
  }
}

export function lastActivity(fallback: number): number {
  try {
    const stored = Number(localStorage.getItem(KEY));
    return Number.isFinite(stored) && stored > fallback ? stored : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Milliseconds left before the session must be considered over.
 *
 * @example
 * msLeft(0, 30, 60_000) // 30 min − 1 min slack − 1 min elapsed = 28 * 60_000
 */
export function msLeft(last: number, idleMinutes: number, now: number): number {
  return last + idleMinutes * 60_000 - SERVER_TOUCH_SLACK_MS - now;
}

/** `m:ss` for a countdown. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
