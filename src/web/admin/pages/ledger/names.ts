import { useCallback } from 'react';
import { type CatalogEntry, catalogName } from '../../../../domain/ledger/catalog';
import { ENTITY_TYPES, LINK_ROLES } from '../../../../domain/ledger/entity-types';
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryByCode,
} from '../../../../domain/ledger/industries';
import { industrySearchText } from '../../../../domain/ledger/industry-aliases';
import { ledgerIssueMessage } from '../../../../domain/ledger/ledger-issues';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
  SEXES,
} from '../../../../domain/ledger/person-categories';
import { CONSENT_PURPOSES } from '../../../../domain/ledger/person-schema';
import { useI18n } from '../../i18n/i18n';

/** The ledger's code lists, by the name the screens use. */
export const CATALOGS = {
  category: PERSON_CATEGORIES,
  status: PERSON_STATUSES,
  education: EDUCATION_LEVELS,
  sex: SEXES,
  entityType: ENTITY_TYPES,
  role: LINK_ROLES,
  purpose: CONSENT_PURPOSES,
} as const satisfies Record<string, readonly CatalogEntry[]>;

export type CatalogKey = keyof typeof CATALOGS;

/** Names of codes in the user's language: `name('status', 'returned')` → 已返乡. */
export function useCodeName(): (list: CatalogKey, code: string | null | undefined) => string {
  const { locale } = useI18n();
  return useCallback(
    (list, code) => (code ? catalogName(CATALOGS[list], code, locale === 'en' ? 'en' : 'zh') : '—'),
    [locale],
  );
}

/** `{ value, label }` options of a code list for a Select. */
export function useCodeOptions(): (list: CatalogKey) => { value: string; label: string }[] {
  const { locale } = useI18n();
  return useCallback(
    (list) => CATALOGS[list].map((e) => ({ value: e.code, label: locale === 'en' ? e.en : e.zh })),
    [locale],
  );
}

/** An industry code with its name: `13 农副食品加工业`. */
export function useIndustryName(): (code: string | null | undefined) => string {
  const { locale } = useI18n();
  return useCallback(
    (code) => {
      if (!code) return '—';
      const found = industryByCode(code);
      return found ? `${code} ${locale === 'en' ? found.en : found.zh}` : code;
    },
    [locale],
  );
}

export interface IndustryNode {
  value: string;
  title: string;
  /** What the search box matches: code, names and everyday words (维修 finds 81 修理). */
  search: string;
  children?: IndustryNode[];
}

/**
 * GB/T 4754 sections with their divisions, for a TreeSelect (either level may be chosen); filter
 * with `treeNodeFilterProp: 'search'` so everyday words find their industry.
 */
export function useIndustryTree(): IndustryNode[] {
  const { locale } = useI18n();
  const name = (e: { zh: string; en: string }) => (locale === 'en' ? e.en : e.zh);
  return INDUSTRY_SECTIONS.map((s) => ({
    value: s.code,
    title: `${s.code} ${name(s)}`,
    search: industrySearchText(s.code),
    children: INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
      value: d.code,
      title: `${d.code} ${name(d)}`,
      search: industrySearchText(d.code),
    })),
  }));
}

/** The zh-CN / en text of a ledger issue code (what the domain's schemas raise). */
export function useIssueText(): (code: string) => string {
  const { locale } = useI18n();
  return useCallback((code) => ledgerIssueMessage(code, locale), [locale]);
}

/**
 * A region's written path below the region being looked at, so a county's list reads 兴隆镇, not
 * 重庆市 / 奉节县 / 兴隆镇; the full path when it lies elsewhere.
 *
 * @example
 * belowScope('重庆市 / 奉节县 / 兴隆镇', '重庆市 / 奉节县') // '兴隆镇'
 */
export function belowScope(
  name: string | null | undefined,
  scopeLabel: string | undefined,
): string {
  if (!name) return '—';
  return scopeLabel && name.startsWith(`${scopeLabel} / `)
    ? name.slice(scopeLabel.length + 3)
    : name;
}
