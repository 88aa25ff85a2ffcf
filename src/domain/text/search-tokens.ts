/**
 * Chinese full-text search that behaves the same on PostgreSQL and PGlite: documents store a
 * `text[]` of tokens under a plain GIN index, and a query matches when the document holds every
 * query token (`search_tokens @> $1::text[]`). No database extension or dictionary is needed.
 *
 * A run of Chinese characters is indexed as its single characters and its adjacent bigrams, so
 * any substring of the run can be found: a one-character query looks for the character, a longer
 * one for all its bigrams. Words from `Intl.Segmenter` are added on top (useful for ranking);
 * queries never depend on them, so a browser or server with a different ICU cannot lose recall.
 * Other scripts are indexed as lower-cased words of two or more characters.
 *
 * Personal data must not land in an index: digit runs of six or more (ID, phone, bank-card
 * numbers), and digit groups joined by spaces or dashes that add up to eleven or more digits
 * (`138 1234 5678`), are left out of documents. A query for such a number keeps its token and
 * therefore matches nothing; look those up through the blind index instead.
 *
 * @module
 */

/** A run of Chinese characters, or a run of other letters, marks and digits. */
const TOKEN_RE = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu;
const LONG_DIGIT_RUN = /\p{Nd}{6,}/gu;
const GROUPED_DIGITS = /\p{Nd}+(?:[ \t-]\p{Nd}+)+/gu;
const GROUPED_DIGITS_MIN = 11;

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter('zh', { granularity: 'word' })
        : null;
  }
  return segmenter;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Blanks out digit sequences that look like personal identifiers. */
function maskDigits(text: string): string {
  return text
    .replace(GROUPED_DIGITS, (m) =>
      m.replace(/\P{Nd}/gu, '').length >= GROUPED_DIGITS_MIN ? ' ' : m,
    )
    .replace(LONG_DIGIT_RUN, ' ');
}

function bigrams(chars: string[], out: Set<string>): void {
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
}

/**
 * The tokens to store for a document, sorted and without duplicates: for each run of Chinese
 * characters every character, every adjacent bigram and every word `Intl.Segmenter` finds; for
 * other text every lower-cased word of two or more characters, except identifier-like digits.
 *
 * @param text - Any text; several fields may be joined with spaces.
 * @example
 * searchTokens('遮阳网 LED');
 * // => ['led', '网', '遮', '遮阳', '阳', '阳网'] (plus segmenter words such as '遮阳网' if found)
 * searchTokens('电话 13812345678'); // => ['电', '电话', '话']
 */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  const seg = wordSegmenter();
  for (const m of maskDigits(normalise(text)).matchAll(TOKEN_RE)) {
    const [, han, word] = m;
    if (han !== undefined) {
      const chars = [...han];
      for (const c of chars) out.add(c);
      bigrams(chars, out);
      if (seg !== null) {
        for (const s of seg.segment(han)) if (s.isWordLike) out.add(s.segment);
      }
    } else if (word !== undefined && [...word].length >= 2) {
      out.add(word);
    }
  }
  return [...out].sort();
}

/**
 * The tokens a document must all hold to match `query`, sorted and without duplicates: a
 * one-character Chinese run gives that character, a longer run its bigrams, other words are
 * lower-cased. Single latin letters or digits are dropped when the query has other tokens (they
 * are never indexed); a query made only of them keeps them, and so matches nothing. An empty
 * result means the query has nothing to search for.
 *
 * @example
 * queryTokens('返乡创业'); // => ['乡创', '创业', '返乡']
 * queryTokens('遮阳');     // => ['遮阳']
 * queryTokens('LED 灯');   // => ['led', '灯']
 * queryTokens('  ');       // => []
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  const short = new Set<string>();
  for (const m of normalise(query).matchAll(TOKEN_RE)) {
    const [, han, word] = m;
    if (han !== undefined) {
      const chars = [...han];
      if (chars.length === 1) out.add(han);
      else bigrams(chars, out);
    } else if (word !== undefined) {
      ([...word].length >= 2 ? out : short).add(word);
    }
  }
  return [...(out.size > 0 ? out : short)].sort();
}
