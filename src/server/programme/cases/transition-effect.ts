import type { Executor } from '../../platform/db/client.js';

/**
 * What a programme module does when one of its cases moves (a loan's schedule at 放款), run
 * inside the transition's transaction after the case has moved: throwing refuses the move.
 * `on` names the transitions it acts on; the engine calls `run` for those only (the others'
 * transaction takes fewer round trips).
 */
export interface TransitionEffect {
  on: readonly string[];
  run: TransitionEffectRun;
}

export type TransitionEffectRun = (
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
