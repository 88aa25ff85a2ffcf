import { productAt, type ResolvedProduct } from '../../../domain/loans/products.js';
import type { Executor } from '../../platform/db/client.js';
import { findValuesOnPath } from '../loan-products/repo.js';

/** The 创业担保贷款 product in force at a region on a date. */
export async function productFor(
  db: Executor,
  regionCode: string,
  date: string,
): Promise<ResolvedProduct> {
  const values = await findValuesOnPath(db, 'startup_guarantee', regionCode);
  return productAt(values, 'startup_guarantee', regionCode, date);
}
