import { SEED_PRODUCT_VALUES } from '../../../domain/loans/seed-values.js';
import type { Executor } from '../../platform/db/client.js';
import { ensureProducts, insertProductValues } from './repo.js';

/** The products the platform ships with. */
export const PRODUCTS = [
  { code: 'startup_guarantee', nameZh: '创业担保贷款', nameEn: 'Start-up guarantee loan' },
] as const;

/**
 * Creates the products and their seeded values (national figures with their documents, the LPR,
 * 南阳 / 奉节 演示值). Idempotent: a value already present is kept, whatever an official added since.
 */
export async function seedLoanProducts(db: Executor, now = new Date()): Promise<number> {
  await ensureProducts(db, PRODUCTS, now);
  return (await insertProductValues(db, SEED_PRODUCT_VALUES, { now, actorId: null })).length;
}
