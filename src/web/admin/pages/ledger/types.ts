/**
 * Types of the ledger API as the console reads it, inferred from the server's zod contracts.
 * Type-only imports: no server code reaches the bundle.
 */
import type { z } from 'zod';
import type {
  EntityDetailView,
  EntityLinkView,
  EntityPage,
  EntityView,
} from '@server/ledger/entities/contract.js';
import type { HistoryEntryView, HistoryPage } from '@server/ledger/history/contract.js';
import type {
  ConsentView,
  PersonDetailView,
  PersonEntityView,
  PersonPage,
  PersonView,
  UnmaskView,
} from '@server/ledger/people/contract.js';

export type Person = z.infer<typeof PersonView>;
export type PersonDetail = z.infer<typeof PersonDetailView>;
export type PersonList = z.infer<typeof PersonPage>;
export type PersonEntity = z.infer<typeof PersonEntityView>;
export type Consent = z.infer<typeof ConsentView>;
export type Unmasked = z.infer<typeof UnmaskView>;
export type Entity = z.infer<typeof EntityView>;
export type EntityDetail = z.infer<typeof EntityDetailView>;
export type EntityList = z.infer<typeof EntityPage>;
export type EntityLink = z.infer<typeof EntityLinkView>;
export type HistoryEntry = z.infer<typeof HistoryEntryView>;
export type HistoryList = z.infer<typeof HistoryPage>;
