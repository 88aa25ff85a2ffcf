import type { LedgerKey } from './ledger.types';

/** The console's English messages for the ledger screens; spread into en.ts. */
export const ledgerEn: Record<LedgerKey, string> = {
  'ph.ledger': 'ledger',
};
