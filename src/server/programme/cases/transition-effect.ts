import type { Executor } from '../../platform/db/client.js';

/**
 * What a programme module does when one of its cases moves (a loan's schedule at 放款), run
 * inside the transition's transaction after the history row: throwing refuses the move.
 */
export type TransitionEffect = (
  tx: Executor,
  e: {
    case: { id: string; regionCode: string; type: string; data: Record<string, unknown> };
    transition: string;
    from: string;
    to: string;
    fields: Record<string, unknown>;
    now: Date;
  },
) => Promise<void>;
