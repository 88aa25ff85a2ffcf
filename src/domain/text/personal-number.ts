/**
 * Finding ID numbers and mobile numbers hidden in free text.
 *
 * Free text (skills, products, notes) is stored in clear, so a resident ID number (GB 11643, 18
 * characters) or a mainland mobile number (11 digits from 13–19, optionally after 86) typed into
 * it would leak past the encryption of the identifier columns. People write such numbers with
 * all kinds of separators — `137 1234 5678`, `(137)1234.5678`, `500236/198503154565`,
 * `１３７－１２３４－５６７８` — so the text is normalised (NFKC turns full-width digits and
 * punctuation into ASCII) and digit groups separated by up to three punctuation, symbol or space
 * characters (and any amount of white space) are read as one run. Any stretch of consecutive
 * groups of a run that spells a mobile number or 17 digits plus a check character (ID-shaped,
 * whether or not the check character is right) counts.
 *
 * Before that, what does not show is taken out and what reads as a digit becomes one: invisible
 * format characters (zero-width space and joiner, soft hyphen, word joiner, direction marks, tag
 * characters) and combining marks (accents, variation selectors, keycaps) are dropped, so
 * `137\u200b1234\u200b5678` — which looks like 13712345678 on screen and in Excel — is caught;
 * decimal digits of other scripts (Arabic-Indic, Devanagari, …) and the Chinese numerals a number
 * is read out with (〇零一二三四五六七八九, 幺 for 1) count as digits.
 *
 * @module
 */

/** A digit group, or a lone X (the ID number's check character, not part of a word). */
const GROUP = /\d+|(?<![A-Za-z])[Xx](?![A-Za-z])/g;
/** What may stand between two groups of one number: white space, up to 3 punctuation or symbols. */
const SEPARATOR = /^\s*(?:[\p{P}\p{S}]\s*){0,3}$/u;
/** Invisible format characters and combining marks: dropped before reading digits. */
const INVISIBLE = /[\p{Cf}\p{M}]/gu;
/** A decimal digit of any script other than ASCII (NFKC already folded full-width ones). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
/** Chinese numerals as digits are read out (幺 is 1 in phone numbers). */
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CHINESE_DIGIT = /[〇零一幺二三四五六七八九]/g;

/** The value 0–9 of a decimal digit `ch` of any script (Unicode keeps each script's 0–9 in order). */
function digitValue(ch: string): string {
  let cp = ch.codePointAt(0) ?? 0;
  let steps = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    steps += 1;
  }
  return String(steps % 10);
}

/** `text` with invisible characters dropped and every digit-like character an ASCII digit. */
function readableDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(OTHER_DIGIT, digitValue)
    .replace(CHINESE_DIGIT, (c) => CHINESE_DIGITS[c] ?? c);
}
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
 * containsPersonalNumber('137\u200b1234\u200b5678');                   // => true
 * containsPersonalNumber('年产遮阳网 120000 平方米，2024-03-01 投产'); // => false
 */
export function containsPersonalNumber(text: string): boolean {
  const normal = readableDigits(text);
  if (!/\d/.test(normal)) return false;
  return digitRuns(normal).some(runHoldsNumber);
}

/**
 * `text` with every character that reads as a digit (any script, full-width, circled, Chinese
 * numerals) replaced by `*`: how free text holding a personal number is shown and stored in an
 * import's error report.
 *
 * @example
 * maskDigitLike('电话①③⑦ 1234 五六七八'); // => '电话*** **** ****'
 */
export function maskDigitLike(text: string): string {
  return [...text].map((ch) => (/\d/.test(readableDigits(ch)) ? '*' : ch)).join('');
}
