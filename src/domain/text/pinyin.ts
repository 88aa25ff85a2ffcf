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
  const key = `${opts.surname ? 's' : 'n'}${name}`;
  const cached = keyCache.get(key);
  if (cached) return cached;
  const keys = computePinyinKeys(name, opts.surname ? 'head' : 'off');
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(key, keys);
  return keys;
}

/**
 * Readings remembered per name and surname flag: the importer, the demo loader and the
 * re-index job ask for the same surnames and given names over and over, and pinyin-pro's
 * segmentation costs far more than a lookup. The memory is cleared when full.
 */
const KEY_CACHE_MAX = 50_000;
const keyCache = new Map<string, Readonly<{ full: string; initials: string }>>();

const ALL_HAN = /^\p{Script=Han}+$/u;

function computePinyinKeys(
  name: string,
  surname: 'head' | 'off',
): Readonly<{ full: string; initials: string }> {
  const full = pinyin(name, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
    surname,
  });
  // A name of Chinese characters only has one syllable per character: its initials are the
  // syllables' first letters, without asking pinyin-pro (the costly part) a second time.
  const initials = ALL_HAN.test(name)
    ? full.map((syllable) => syllable.charAt(0))
    : pinyin(name, {
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
  return Object.freeze({ full: clean(full), initials: clean(initials) });
}

/** True for a query that looks like pinyin (latin letters only), e.g. `fjx` or `fengjie`. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-zA-Z]+$/.test(q.trim());
}
