import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { rowsPerSecond } from './format';
import { isActive, type Job } from './types';

/** How often a running job is asked for its progress. */
const POLL_MS = 1000;
/** After a failed poll (network), wait longer before the next. */
const RETRY_MS = 3000;
/** The speed is measured over the last few seconds. */
const WINDOW_MS = 8000;

export interface JobState {
  job: Job | undefined;
  error: unknown;
  /** Rows per second over the last seconds while running; null when not known. */
  rate: number | null;
}

/**
 * Follows a job: polls GET /api/jobs/:id every second while it is queued or running and stops
 * when it ends; a job the user may not read (404, 403) stops the polling with the error.
 */
export function useJob(jobId: string | null): JobState {
  const [job, setJob] = useState<Job | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [rate, setRate] = useState<number | null>(null);
  const samples = useRef<{ at: number; done: number }[]>([]);

  useEffect(() => {
    setJob(undefined);
    setError(null);
    setRate(null);
    samples.current = [];
    if (!jobId) return;
    let live = true;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const next = await api<Job>(`/api/jobs/${jobId}`);
        if (!live) return;
        const now = Date.now();
        if (next.status === 'running') {
          samples.current = [...samples.current, { at: now, done: next.done }].filter(
            (s) => now - s.at <= WINDOW_MS,
          );
          setRate(rowsPerSecond(samples.current));
        }
        setJob(next);
        setError(null);
        if (isActive(next)) timer = window.setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (!live) return;
        setError(e);
        const final = e instanceof ApiError && (e.status === 404 || e.status === 403);
        if (!final) timer = window.setTimeout(() => void tick(), RETRY_MS);
      }
    };
    void tick();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  return { job, error, rate };
}
