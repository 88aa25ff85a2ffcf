import { pinyinKeys } from './pinyin.js';
import { searchTokens } from './search-tokens.js';

/**
 * The search tokens of the ledger's records: the Chinese tokens of `searchTokens` plus the
 * pinyin of the name, so officials can type `smq` or `sunmingqiang` for 孙明强. One function per
 * record kind, used by every writer (API, importer, demo loader, the re-index job), so a record
 * is found the same way whoever wrote it.
 *
 * Pinyin tokens are toneless, lower case, ü written v, and need no change on the query side: a
 * latin query word is already a token (`queryTokens('smq')` is `['smq']`).
 *
 * @module
 */

const HAN = /\p{Script=Han}/u;

function addKeys(out: Set<string>, keys: { full: string; initials: string }): void {
  for (const k of [keys.full, keys.initials]) if (k.length >= 2) out.add(k);
}

/**
 * Pinyin tokens of a name: full pinyin and initials. For a person the surname reading of a
 * polyphonic surname is indexed beside the default reading (单 shan and dan, 曾 zeng and ceng),
 * and the surname and the given name are also tokens of their own (`sun mingqiang`).
 *
 * @example
 * namePinyinTokens('孙明强', 'person')
 * // => ['mingqiang', 'smq', 'sun', 'sunmingqiang']
 * namePinyinTokens('单田芳', 'person') // includes 'shantianfang', 'stf', 'dantianfang', 'dtf'
 * namePinyinTokens('兴隆农业', 'entity') // => ['xinglongnongye', 'xlny']
 */
export function namePinyinTokens(name: string, kind: 'person' | 'entity'): string[] {
  const clean = name.normalize('NFKC').trim();
  if (!HAN.test(clean)) return [];
  const out = new Set<string>();
  addKeys(out, pinyinKeys(clean));
  if (kind === 'person') {
    addKeys(out, pinyinKeys(clean, { surname: true }));
    const chars = [...clean];
    if (chars.length >= 2 && chars.every((c) => HAN.test(c))) {
      const head = pinyinKeys(chars[0] ?? '', { surname: true });
      const given = pinyinKeys(chars.slice(1).join(''));
      addKeys(out, { full: head.full, initials: '' });
      addKeys(out, { full: given.full, initials: '' });
    }
  }
  return [...out].sort();
}

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/**
 * The tokens stored for a person: the name (characters and bigrams, no segmenter words) and skills
 * (never identifiers), plus the name's pinyin.
 *
 * @example
 * personSearchTokens({ name: '孙明强', skills: '电商' }).includes('smq') // => true
 */
export function personSearchTokens(p: { name: string; skills?: string | null }): string[] {
  return union(
    searchTokens(p.name, { words: false }),
    namePinyinTokens(p.name, 'person'),
    searchTokens(p.skills ?? ''),
  );
}

/**
 * The tokens stored for a market entity: its name and what it makes or sells, plus the name's
 * pinyin.
 *
 * @example
 * entitySearchTokens({ name: '兴隆农业', products: '脐橙' }).includes('xlny') // => true
 */
export function entitySearchTokens(e: { name: string; products?: string | null }): string[] {
  return union(
    searchTokens(e.name),
    namePinyinTokens(e.name, 'entity'),
    searchTokens(e.products ?? ''),
  );
}
