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
 * Words `Intl.Segmenter` finds in runs of Chinese characters, remembered per run (names and
 * skills repeat across a ledger; segmenting costs far more than the rest of tokenising). At most
 * this many runs are remembered; the memory is cleared when full.
 */
const WORD_CACHE_MAX = 20_000;
const wordCache = new Map<string, readonly string[]>();

/**
 * The segmenter's words of each run. Runs not remembered are segmented in one call, joined by
 * newlines: a newline is always a word boundary (UAX #29 WB3a/WB3b) and dictionary segmentation
 * never crosses it, so each run gets the words it gets alone. A run of one or two characters is
 * skipped: every word it can hold (a character, the run itself) is already a token.
 */
function segmenterWords(seg: Intl.Segmenter, runs: readonly string[][]): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  const missing: number[] = [];
  runs.forEach((chars, i) => {
    const cached = chars.length <= 2 ? [] : wordCache.get(chars.join(''));
    if (cached) out[i] = cached;
    else missing.push(i);
  });
  if (missing.length === 0) return out;
  const texts = missing.map((i) => (runs[i] ?? []).join(''));
  const words: string[][] = texts.map(() => []);
  let run = 0;
  let end = texts[0]?.length ?? 0;
  for (const s of seg.segment(texts.join('\n'))) {
    while (s.index >= end && run + 1 < texts.length) {
      run++;
      end += 1 + (texts[run]?.length ?? 0);
    }
    if (s.isWordLike) words[run]?.push(s.segment);
  }
  if (wordCache.size + texts.length > WORD_CACHE_MAX) wordCache.clear();
  missing.forEach((i, k) => {
    const w = words[k] ?? [];
    out[i] = w;
    wordCache.set(texts[k] ?? '', w);
  });
  return out;
}

/**
 * The tokens to store for a document, sorted and without duplicates: for each run of Chinese
 * characters every character, every adjacent bigram and every word `Intl.Segmenter` finds; for
 * other text every lower-cased word of two or more characters, except identifier-like digits.
 *
 * @param text - Any text; several fields may be joined with spaces.
 * @param opts.words - false leaves the segmenter's words out: for a person's name they are no
 *   dictionary words, only the name or pieces of it, and a query finds the name by its bigrams.
 *   Segmenting every new name is a large part of an import's cost.
 * @example
 * searchTokens('遮阳网 LED');
 * // => ['led', '网', '遮', '遮阳', '阳', '阳网'] (plus segmenter words such as '遮阳网' if found)
 * searchTokens('电话 13812345678'); // => ['电', '电话', '话']
 */
export function searchTokens(text: string, opts: { words?: boolean } = {}): string[] {
  const out = new Set<string>();
  const runs: string[][] = [];
  for (const m of maskDigits(normalise(text)).matchAll(TOKEN_RE)) {
    const [, han, word] = m;
    if (han !== undefined) {
      const chars = [...han];
      for (const c of chars) out.add(c);
      bigrams(chars, out);
      runs.push(chars);
    } else if (word !== undefined && [...word].length >= 2) {
      out.add(word);
    }
  }
  const seg = runs.length > 0 && opts.words !== false ? wordSegmenter() : null;
  if (seg !== null) {
    for (const words of segmenterWords(seg, runs)) for (const w of words) out.add(w);
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
