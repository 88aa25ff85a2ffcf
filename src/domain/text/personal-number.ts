/**
 * Finding ID numbers and mobile numbers hidden in free text.
 *
 * Free text (skills, products, notes) is stored in clear, so a resident ID number (GB 11643, 18
 * characters) or a mainland mobile number (11 digits from 13–19, optionally after 86) typed into
 * it would leak past the encryption of the identifier columns. People write such numbers with
 * all kinds of separators — `137 1234 5678`, `(137)1234.5678`, `500236/198503154565`,
 * `１３７－１２３４－５６７８` — so the text is normalised (NFKC turns full-width digits and
 * punctuation into ASCII) and digit groups separated by up to three punctuation, symbol or space
 * characters are read as one run. Any stretch of consecutive groups of a run that spells a mobile
 * number or 17 digits plus a check character (ID-shaped, whether or not the check character is
 * right) counts.
 *
 * @module
 */

/** A digit group, or a lone X (the ID number's check character, not part of a word). */
const GROUP = /\d+|(?<![A-Za-z])[Xx](?![A-Za-z])/g;
/** What may stand between two groups of one number: spaces, punctuation, symbols (≤ 3). */
const SEPARATOR = /^[\s\p{P}\p{S}]{0,3}$/u;
const MOBILE = /^(?:0{0,2}86)?1[3-9]\d{9}$/;
const ID_SHAPED = /^\d{17}[\dXx]$/;
/** Longer than any candidate (0086 + 11 digits = 15; an ID number = 18). */
const LONGEST = 18;

/** Each run of digit groups (joined by separators) of `text`, as its list of groups. */
function digitRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let end = -1;
  for (const m of text.matchAll(GROUP)) {
    const between = end < 0 ? null : text.slice(end, m.index);
    if (between === null || !SEPARATOR.test(between)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    run.push(m[0]);
    end = m.index + m[0].length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** True when some stretch of consecutive groups spells a mobile or an ID-shaped number. */
function runHoldsNumber(groups: string[]): boolean {
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j];
      if (digits.length > LONGEST) break;
      if (MOBILE.test(digits) || ID_SHAPED.test(digits)) return true;
      if (/[Xx]/.test(digits)) break; // a check character ends a number
    }
  }
  return false;
}

/**
 * True when free text holds something that reads as a mobile number or an ID number, however
 * its digits are grouped or written (full-width, with spaces, dots, dashes, slashes, brackets).
 *
 * @example
 * containsPersonalNumber('联系电话 138-1234-5678');                    // => true
 * containsPersonalNumber('电话(137)1234.5678');                         // => true
 * containsPersonalNumber('身份证500236/198503154565');                  // => true
 * containsPersonalNumber('年产遮阳网 120000 平方米，2024-03-01 投产'); // => false
 */
export function containsPersonalNumber(text: string): boolean {
  const normal = text.normalize('NFKC');
  if (!/\d/.test(normal)) return false;
  return digitRuns(normal).some(runHoldsNumber);
}
