import { z } from 'zod';

/** What both web apps need to know before anyone logs in. */
export const MetaView = z.object({
  /** True while the demo accounts (with the README's published password) exist and are enabled. */
  demoAccounts: z.boolean(),
});
export type MetaViewT = z.infer<typeof MetaView>;
