import { describe, expect, it } from 'vitest';
import {
  MATERIAL_KINDS,
  MATERIAL_NAMES,
  materialKind,
  missingMaterials,
  requiredMaterials,
} from './materials.js';

describe('loan materials', () => {
  it('asks each borrower for the materials of their kind, and for collateral when credit is not enough', () => {
    expect(requiredMaterials('individual', false)).toEqual(['id_card', 'premises']);
    expect(requiredMaterials('partnership', false)).toEqual(['id_card', 'premises']);
    expect(requiredMaterials('enterprise', false)).toEqual([
      'id_card',
      'business_licence',
      'premises',
    ]);
    expect(requiredMaterials('individual', true)).toEqual(['id_card', 'premises', 'collateral']);
  });

  it('lists what is still missing in the order asked, whatever else was uploaded', () => {
    const required = requiredMaterials('enterprise', true);
    expect(missingMaterials(required, [])).toEqual(required);
    expect(missingMaterials(required, ['premises', 'other', 'id_card'])).toEqual([
      'business_licence',
      'collateral',
    ]);
    expect(missingMaterials(required, MATERIAL_KINDS)).toEqual([]);
  });

  it('names every kind in both languages and reads unknown stored kinds as other', () => {
    for (const k of MATERIAL_KINDS) {
      expect(MATERIAL_NAMES[k].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(MATERIAL_NAMES[k].en).toMatch(/^[A-Z]/);
      expect(materialKind(k)).toBe(k);
    }
    expect(materialKind('passport')).toBe('other');
  });
});
