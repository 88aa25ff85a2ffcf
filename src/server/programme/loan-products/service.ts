import { AppError } from '../../../domain/errors/codes.js';
import { cstDate } from '../../../domain/indicators/periods.js';
import {
  checkProductValue,
  PARAM_KEYS,
  PRODUCT_PARAMS,
  productAt,
  type ProductValue,
  type ProductValueProblem,
} from '../../../domain/loans/products.js';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { isUniqueViolation } from '../../ledger/people/guards.js';
import { findRegion, findRegionNames } from '../../platform/regions/repo.js';
import {
  assertRegionInScope,
  requireNationWide,
  requirePermission,
} from '../../access/scope/scope.js';
import type {
  AddProductValueBodyT,
  ProductParamsT,
  ProductQueryT,
  ProductValueViewT,
  ProductViewT,
} from './contract.js';
import {
  findProduct,
  findValueAt,
  findValuesOnPath,
  insertProductValues,
  type StoredProductValue,
} from './repo.js';

/**
 * Loan products as configuration. Officers (loan.product.read) read a product as it applies at a
 * region in their scope on a date, with every value on the region's path as history. Whoever
 * holds loan.product.manage adds a dated value for a region in their scope (a national value
 * needs nation-wide scope); values are never edited or deleted — a new rule is a new value.
 *
 * Errors: NOT_FOUND (region outside scope on read), SCOPE_OUTSIDE_OWN, REGION_NOT_FOUND,
 * LOAN_PRODUCT_VALUE_INVALID (wrong kind, range, period), LOAN_PRODUCT_VALUE_EXISTS (same key,
 * region and start date).
 */

const PROBLEM_ZH: Record<ProductValueProblem, string> = {
  VALUE_KIND: '取值类型不符（金额以分计的整数、基点整数、布尔值或支持对象列表）',
  VALUE_RANGE: '取值超出合理范围',
  PERIOD_REVERSED: '失效日期早于生效日期',
  GROUPS_EMPTY: '支持对象不能为空',
  GROUP_DUPLICATE: '支持对象重复',
};

async function regionNames(deps: AppDeps, codes: string[]): Promise<Map<string, string>> {
  const rows = await findRegionNames(deps.db, [...new Set(codes)]);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  names.set(NATION_CODE, '全国');
  return names;
}

function presentValue(v: StoredProductValue, names: Map<string, string>): ProductValueViewT {
  const def = PRODUCT_PARAMS[v.key];
  return {
    id: v.id,
    key: v.key,
    nameZh: def.zh,
    nameEn: def.en,
    kind: def.kind,
    regionCode: v.regionCode,
    regionName: names.get(v.regionCode) ?? v.regionCode,
    validFrom: v.validFrom,
    validTo: v.validTo,
    value: v.value,
    source: v.source,
    illustrative: v.illustrative,
    createdAt: v.createdAt.toISOString(),
  };
}

/** A product as it applies at a region (in the actor's scope) on a date, with its history. */
export async function getProduct(
  deps: AppDeps,
  ctx: RequestContext,
  p: ProductParamsT,
  q: ProductQueryT,
): Promise<ProductViewT> {
  const actor = requirePermission(ctx, 'loan.product.read');
  assertRegionInScope(actor, 'loan.product.read', q.region);
  const region = q.region === NATION_CODE ? true : await findRegion(deps.db, q.region);
  if (!region) throw new AppError('NOT_FOUND');
  const product = await findProduct(deps.db, p.product);
  if (!product) throw new AppError('NOT_FOUND');
  const date = q.date ?? cstDate(deps.clock());
  const values = await findValuesOnPath(deps.db, p.product, q.region);
  const resolved = productAt(values, p.product, q.region, date);
  const names = await regionNames(
    deps,
    values.map((v) => v.regionCode),
  );
  return {
    product: p.product,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    regionCode: q.region,
    date,
    params: PARAM_KEYS.map((key) => {
      const r = resolved[key];
      const def = PRODUCT_PARAMS[key];
      return {
        key,
        nameZh: def.zh,
        nameEn: def.en,
        kind: def.kind,
        value: r?.value ?? null,
        source: r?.source ?? null,
        regionCode: r?.regionCode ?? null,
        validFrom: r?.validFrom ?? null,
        validTo: r?.validTo ?? null,
        illustrative: r?.illustrative ?? false,
      };
    }),
    values: values.map((v) => presentValue(v, names)),
  };
}

/** Adds one dated value of a product parameter for a region, audited. */
export async function addProductValue(
  deps: AppDeps,
  ctx: RequestContext,
  p: ProductParamsT,
  body: AddProductValueBodyT,
): Promise<ProductValueViewT> {
  const actor =
    body.regionCode === NATION_CODE
      ? requireNationWide(ctx, 'loan.product.manage')
      : requirePermission(ctx, 'loan.product.manage');
  assertRegionInScope(actor, 'loan.product.manage', body.regionCode, 'write');
  if (body.regionCode !== NATION_CODE && !(await findRegion(deps.db, body.regionCode))) {
    throw new AppError('REGION_NOT_FOUND', { code: body.regionCode });
  }
  const validTo = body.validTo ?? null;
  const problem = checkProductValue(body.key, body.value, body.validFrom, validTo);
  if (problem) {
    throw new AppError('LOAN_PRODUCT_VALUE_INVALID', {
      key: body.key,
      reason: PROBLEM_ZH[problem],
    });
  }
  const value: ProductValue = {
    product: p.product,
    key: body.key,
    regionCode: body.regionCode,
    validFrom: body.validFrom,
    validTo,
    value: body.value,
    source: body.source,
    illustrative: body.illustrative,
  };
  const exists = () =>
    new AppError('LOAN_PRODUCT_VALUE_EXISTS', {
      key: body.key,
      regionCode: body.regionCode,
      validFrom: body.validFrom,
    });
  const now = deps.clock();
  let stored: StoredProductValue | undefined;
  try {
    stored = await deps.db.transaction(async (tx) => {
      if (await findValueAt(tx, value)) throw exists();
      const [row] = await insertProductValues(tx, [value], { now, actorId: actor.userId });
      if (!row) throw exists();
      await recordAudit(tx, ctx, now, {
        action: 'loan_product.value_add',
        objectType: 'loan_product_value',
        objectId: row.id,
        permission: 'loan.product.manage',
        details: {
          product: p.product,
          key: body.key,
          regionCode: body.regionCode,
          validFrom: body.validFrom,
          validTo,
          value: body.value,
          illustrative: body.illustrative,
        },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'loan_product_values_key_uq')) throw exists();
    throw e;
  }
  return presentValue(stored, await regionNames(deps, [stored.regionCode]));
}
