/**
 * Input normalisation shared by the identity parsers.
 *
 * Officials frequently paste identifiers from Excel or from documents typed
 * with a Chinese IME, so input may contain full-width characters
 * (`１２３Ｘ`, `＋８６`) and surrounding (possibly full-width) whitespace.
 *
 * @module
 */

/** Offset between a full-width ASCII variant (U+FF01–U+FF5E) and its ASCII twin. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E, e.g. `０-９`, `Ａ-Ｚ`,
 * `ａ-ｚ`, `＋`, `－`) and the ideographic space (U+3000) to their ASCII
 * equivalents, then trims surrounding whitespace. Other characters are kept.
 *
 * @param raw - Untrusted user input.
 * @returns The half-width, trimmed string.
 * @example
 * toHalfWidthTrimmed(' １１０１０５ｘ　'); // => '110105x'
 */
export function toHalfWidthTrimmed(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - FULL_WIDTH_OFFSET);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim();
}
