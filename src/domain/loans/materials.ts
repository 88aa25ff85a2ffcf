/**
 * The materials of a guarantee-loan file (申请材料), by kind: what an applicant uploads and what
 * the file still lacks before review. The lists are those the portal has always asked for: an
 * individual or partnership 身份证 and proof of premises or of the project; an enterprise the
 * legal representative's 身份证, 营业执照 and proof of premises; and, when the file needs a
 * counter-guarantee (反担保) but offers only credit, proof of collateral or of a guarantor.
 */

export const MATERIAL_KINDS = [
  'id_card',
  'business_licence',
  'premises',
  'contract',
  'collateral',
  'other',
] as const;

export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_NAMES: Record<MaterialKind, { zh: string; en: string }> = {
  id_card: { zh: '身份证（正反面）', en: 'ID card (both sides)' },
  business_licence: { zh: '营业执照', en: 'Business licence' },
  premises: { zh: '经营场所或项目证明', en: 'Proof of premises or of the project' },
  contract: { zh: '合同', en: 'Contract' },
  collateral: { zh: '抵质押物或保证人材料', en: 'Proof of collateral or of a guarantor' },
  other: { zh: '其他材料', en: 'Other' },
};

/** A stored kind as a known one (`other` for anything else, such as rows from before kinds). */
export function materialKind(value: string): MaterialKind {
  return (MATERIAL_KINDS as readonly string[]).includes(value) ? (value as MaterialKind) : 'other';
}

/**
 * The kinds a file needs, in the order they are asked for.
 *
 * @example
 * requiredMaterials('enterprise', false) // => ['id_card', 'business_licence', 'premises']
 */
export function requiredMaterials(
  borrower: 'individual' | 'partnership' | 'enterprise',
  needsCollateral: boolean,
): MaterialKind[] {
  const base: MaterialKind[] =
    borrower === 'enterprise'
      ? ['id_card', 'business_licence', 'premises']
      : ['id_card', 'premises'];
  return needsCollateral ? [...base, 'collateral'] : base;
}

/**
 * The required kinds not among those uploaded.
 *
 * @example
 * missingMaterials(['id_card', 'premises'], ['id_card']) // => ['premises']
 */
export function missingMaterials(
  required: readonly MaterialKind[],
  uploaded: Iterable<string>,
): MaterialKind[] {
  const have = new Set(uploaded);
  return required.filter((k) => !have.has(k));
}
