import type { EntityType } from '../../domain/ledger/entity-types';
import type {
  Education,
  PersonCategory,
  PersonStatus,
} from '../../domain/ledger/person-categories';
import { readLocale, type UiLocale, writeLocale } from '../shared/locale';
import {
  CATEGORY_NAMES_EN,
  EDUCATION_NAMES_EN,
  EN,
  ENTITY_TYPE_NAMES_EN,
  SERVICE_TEXT_EN,
  SEX_NAMES_EN,
  STATUS_NAMES_EN,
} from './catalog-en';
import {
  CATEGORY_NAMES_ZH,
  EDUCATION_NAMES_ZH,
  ENTITY_TYPE_NAMES_ZH,
  type PortalCatalog,
  SERVICE_TEXT_ZH,
  type ServiceKey,
  SEX_NAMES_ZH,
  STATUS_NAMES_ZH,
  ZH,
} from './catalog-zh';

/**
 * The portal's language, chosen once per page load: zh-CN unless English was chosen (the same
 * stored choice as the console's). {@link switchLocale} stores another and reloads.
 */
export const LOCALE: UiLocale = readLocale();
const en = LOCALE === 'en';

export const T: PortalCatalog = en ? EN : ZH;
export const SEX_NAMES: Record<string, string> = en ? SEX_NAMES_EN : SEX_NAMES_ZH;
export const CATEGORY_NAMES: Record<PersonCategory, string> = en
  ? CATEGORY_NAMES_EN
  : CATEGORY_NAMES_ZH;
/** What an entrepreneur can say about where they stand (the ledger's statuses). */
export const STATUS_NAMES: Record<PersonStatus, string> = en ? STATUS_NAMES_EN : STATUS_NAMES_ZH;
export const EDUCATION_NAMES: Record<Education, string> = en
  ? EDUCATION_NAMES_EN
  : EDUCATION_NAMES_ZH;
export const ENTITY_TYPE_NAMES: Record<EntityType, string> = en
  ? ENTITY_TYPE_NAMES_EN
  : ENTITY_TYPE_NAMES_ZH;
export const SERVICE_TEXT: Record<ServiceKey, { title: string; text: string; soon?: string }> = en
  ? SERVICE_TEXT_EN
  : SERVICE_TEXT_ZH;

/** Keeps another language and reloads the page in it (the API answers in it too). */
export function switchLocale(locale: UiLocale): void {
  writeLocale(locale);
  window.location.reload();
}
