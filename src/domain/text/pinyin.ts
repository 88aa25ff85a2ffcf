import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin of a Chinese name, lower case without spaces, and its initials.
 *
 * @example
 * pinyinKeys('奉节县') // { full: 'fengjiexian', initials: 'fjx' }
 * pinyinKeys('重庆市') // { full: 'chongqingshi', initials: 'cqs' }
 * pinyinKeys('吕梁市') // { full: 'lvliangshi', initials: 'lls' }
 * pinyinKeys('单田芳', { surname: true }) // { full: 'shantianfang', initials: 'stf' }
 *
 * @param opts.surname - read the first character(s) as a surname (单 shan, 曾 zeng, 解 xie).
 */
export function pinyinKeys(
  name: string,
  opts: { surname?: boolean } = {},
): { full: string; initials: string } {
  const surname = opts.surname ? ('head' as const) : ('off' as const);
  const full = pinyin(name, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
    surname,
  });
  const initials = pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    surname,
  });
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return { full: clean(full), initials: clean(initials) };
}

/** True for a query that looks like pinyin (latin letters only), e.g. `fjx` or `fengjie`. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-zA-Z]+$/.test(q.trim());
}
