/** The UI language, kept in localStorage so a reload (and the next visit) keeps the choice. */
export type UiLocale = 'zh-CN' | 'en';

const KEY = 'fx.locale';

/** The stored choice; zh-CN unless English was chosen. */
export function readLocale(): UiLocale {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function writeLocale(locale: UiLocale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
