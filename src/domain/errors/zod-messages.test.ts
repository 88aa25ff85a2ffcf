import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZOD_ERROR_CONFIG, zodIssueMessage } from './zod-messages.js';

/** Type names and limits that zod's own messages leak and a person cannot read. */
const LEAKS =
  /string|number|int\b|bigint|boolean|object|array|undefined|9007199254740991|expected|received/i;

const SCHEMAS: [string, z.ZodType, unknown][] = [
  ['a text given a number', z.object({ a: z.string() }), { a: 1 }],
  ['a short text', z.object({ a: z.string().min(4) }), { a: 'ab' }],
  ['a long text', z.object({ a: z.string().max(4) }), { a: 'abcdef' }],
  ['a huge integer', z.object({ a: z.int() }), { a: 2 ** 60 }],
  ['a fraction for an integer', z.object({ a: z.int() }), { a: 1.5 }],
  ['a negative count', z.object({ a: z.int().min(0) }), { a: -1 }],
  ['a text for a flag', z.object({ a: z.boolean() }), { a: 'yes' }],
  ['a bad enum', z.object({ a: z.enum(['people', 'entities']) }), { a: 'cats' }],
  ['a bad uuid', z.object({ a: z.uuid() }), { a: 'x' }],
  ['an empty list', z.object({ a: z.array(z.string()).min(1) }), { a: [] }],
  ['an unknown key', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
  ['a missing field', z.object({ a: z.string() }), {}],
  ['a union', z.object({ a: z.union([z.string(), z.int()]) }), { a: true }],
];

describe('zod issues as sentences', () => {
  for (const [what, schema, input] of SCHEMAS) {
    it(`words ${what} in zh-CN and English without type names`, () => {
      const r = schema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error?.issues ?? []) {
        const zh = zodIssueMessage(issue, 'zh-CN');
        const en = zodIssueMessage(issue, 'en');
        expect(zh).toMatch(/\p{Script=Han}/u);
        expect(zh).not.toMatch(LEAKS);
        expect(en).not.toMatch(/\p{Script=Han}/u);
        expect(en).not.toMatch(/9007199254740991|\bint\b|\bstring\b/);
      }
    });
  }

  it('gives zod, configured with it, the same zh-CN sentences and TEXT_REQUIRED for a missing value', () => {
    const schema = z.object({ a: z.string(), b: z.int().max(9), c: z.string().min(4) });
    const r = schema.safeParse({ b: 20, c: 'ab' }, { error: undefined });
    expect(r.success).toBe(false);
    const withConfig = r.error?.issues.map((i) => {
      const raw = { ...i, input: i.path[0] === 'a' ? undefined : 'x' };
      return ZOD_ERROR_CONFIG.customError(raw) ?? ZOD_ERROR_CONFIG.localeError(raw);
    });
    expect(withConfig).toEqual(['TEXT_REQUIRED', '不能大于 9', '至少填写 4 个字']);
  });
});
