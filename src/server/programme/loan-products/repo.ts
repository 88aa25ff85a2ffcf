import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProductCode, ProductValue } from '../../../domain/loans/products.js';
import { ancestorCodes } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { loanProducts, loanProductValues } from './table.js';

/** A stored value with its id and when it was entered. */
export interface StoredProductValue extends ProductValue {
  id: string;
  createdAt: Date;
}

type Row = typeof loanProductValues.$inferSelect;

function toValue(r: Row): StoredProductValue {
  return {
    id: r.id,
    product: r.product as ProductCode,
    key: r.key as ProductValue['key'],
    regionCode: r.regionCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    value: r.value as ProductValue['value'],
    source: r.source,
    illustrative: r.illustrative,
    createdAt: r.createdAt,
  };
}

/** A product's name, or undefined. */
export async function findProduct(db: Executor, code: ProductCode) {
  const [row] = await db.select().from(loanProducts).where(eq(loanProducts.code, code));
  return row;
}

/** Every value of a product that can apply at `regionCode`: its own, its ancestors', national. */
export async function findValuesOnPath(
  db: Executor,
  product: ProductCode,
  regionCode: string,
): Promise<StoredProductValue[]> {
  const path = [...ancestorCodes(regionCode), regionCode];
  const rows = await db
    .select()
    .from(loanProductValues)
    .where(and(eq(loanProductValues.product, product), inArray(loanProductValues.regionCode, path)))
    .orderBy(
      asc(loanProductValues.key),
      asc(loanProductValues.regionCode),
      asc(loanProductValues.validFrom),
    );
  return rows.map(toValue);
}

/** The value of a key at a region from a date, if one exists. */
export async function findValueAt(
  db: Executor,
  v: Pick<ProductValue, 'product' | 'key' | 'regionCode' | 'validFrom'>,
): Promise<StoredProductValue | undefined> {
  const [row] = await db
    .select()
    .from(loanProductValues)
    .where(
      and(
        eq(loanProductValues.product, v.product),
        eq(loanProductValues.key, v.key),
        eq(loanProductValues.regionCode, v.regionCode),
        eq(loanProductValues.validFrom, v.validFrom),
      ),
    );
  return row ? toValue(row) : undefined;
}

/** Adds values; one already present (same product, key, region and start) is skipped. */
export async function insertProductValues(
  db: Executor,
  values: readonly ProductValue[],
  meta: { now: Date; actorId: string | null },
): Promise<StoredProductValue[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insert(loanProductValues)
    .values(values.map((v) => ({ ...v, createdAt: meta.now, createdBy: meta.actorId })))
    .onConflictDoNothing()
    .returning();
  return rows.map(toValue);
}

/** Creates the known products; existing ones are left alone. */
export async function ensureProducts(
  db: Executor,
  products: readonly { code: string; nameZh: string; nameEn: string }[],
  now: Date,
): Promise<void> {
  await db
    .insert(loanProducts)
    .values(products.map((p) => ({ ...p, createdAt: now })))
    .onConflictDoNothing();
}
