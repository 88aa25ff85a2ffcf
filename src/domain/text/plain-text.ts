/**
 * Plain text as people type it: what every free-text field of every contract accepts.
 *
 * Refused, each with its own ledger issue code so the message can say what is wrong:
 * - C0 control characters (U+0000–U+001F) and DEL, C1 control characters (U+0080–U+009F):
 *   `TEXT_CONTROL_CHARACTER`. PostgreSQL cannot store U+0000 at all, and the others are invisible
 *   on screen and in Excel. A tab and a line feed (and a carriage return, which is dropped) are
 *   kept in multi-line fields only; in a single-line field they are `TEXT_LINE_BREAK`.
 * - Lone UTF-16 surrogates (half of a character, from a broken copy or a hostile client):
 *   `TEXT_LONE_SURROGATE`; they cannot be encoded as UTF-8 and would silently become U+FFFD.
 * - Longer than the field allows: `TEXT_TOO_LONG`; empty where required: `TEXT_REQUIRED`.
 *
 * @module
 */
import { z } from 'zod';
import type { LedgerIssueCode } from '../ledger/ledger-issues.js';

/** What is wrong with a piece of text, if anything. */
export type TextProblem = 'TEXT_CONTROL_CHARACTER' | 'TEXT_LINE_BREAK' | 'TEXT_LONE_SURROGATE';

/** Line breaks and tabs: allowed in multi-line fields, refused in single-line ones. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- the point of this pattern is to find them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first problem with `text` as plain text, or `null` when it is fine.
 *
 * @param multiline - Whether tabs and line breaks are allowed (a textarea, not an input).
 * @example
 * textProblem('遮阳网\u0000');              // => 'TEXT_CONTROL_CHARACTER'
 * textProblem('第一行\n第二行');            // => 'TEXT_LINE_BREAK'
 * textProblem('第一行\n第二行', true);      // => null
 * textProblem('\ud83d');                    // => 'TEXT_LONE_SURROGATE'
 */
export function textProblem(text: string, multiline = false): TextProblem | null {
  if (CONTROL.test(text)) return 'TEXT_CONTROL_CHARACTER';
  if (LONE_SURROGATE.test(text)) return 'TEXT_LONE_SURROGATE';
  if (!multiline && LINE_BREAKS.test(text)) return 'TEXT_LINE_BREAK';
  return null;
}

/**
 * Text made safe to show in a report (e.g. an import's error report): control characters become
 * their visible pictures (U+0000 → ␀), lone surrogates U+FFFD, so the value can be stored and
 * shown while pointing at the problem.
 *
 * @example
 * visibleText('遮阳\u0000网'); // => '遮阳␀网'
 */
export function visibleText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- replacing them is the point
      .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
      .replace(/[\u007f-\u009f]/g, '\u2421')
      .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd')
  );
}

/**
 * A zod refinement refusing single-line text with a {@link TextProblem}, for fields with their
 * own format checks (names): `z.string().superRefine(singleLineText)`; it aborts the field, so the
 * format check does not add a second, vaguer issue.
 */
export function singleLineText(value: string, ctx: z.RefinementCtx<string>): void {
  const problem = textProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, abort: true });
}

/** Options of {@link plainText}. */
export interface PlainTextOptions {
  /** At most this many characters (UTF-16 units, as zod counts). */
  max: number;
  /** At least this many characters after trimming; 0 (the default) allows empty text. */
  min?: number;
  /** Allow tabs and line breaks (a textarea). Carriage returns are normalised away. */
  multiline?: boolean;
}

/**
 * The zod schema of a free-text field: trimmed, refused with a ledger issue code when it holds a
 * control character, a lone surrogate, a line break (single-line fields) or is too long or empty.
 *
 * @example
 * plainText({ max: 100 }).parse(' 遮阳网 ');                  // => '遮阳网'
 * plainText({ max: 100 }).safeParse('遮阳网\u0000').success;   // => false (TEXT_CONTROL_CHARACTER)
 * plainText({ max: 500, multiline: true }).parse('a\r\nb');   // => 'a\nb'
 */
export function plainText(options: PlainTextOptions): z.ZodString {
  const { max, min = 0, multiline = false } = options;
  let s = z.string();
  if (multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  s = s
    .trim()
    .superRefine((v, ctx) => {
      const problem = textProblem(v, multiline);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, abort: true });
    })
    .max(max, 'TEXT_TOO_LONG' satisfies LedgerIssueCode);
  return min > 0 ? s.min(min, 'TEXT_REQUIRED' satisfies LedgerIssueCode) : s;
}
