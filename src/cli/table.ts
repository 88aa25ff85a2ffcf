/**
 * How many terminal columns a string takes: CJK characters two, ANSI colour codes none.
 *
 * @example
 * displayWidth('显示名 name') // 11
 */
export function displayWidth(s: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) w += /[\u2e80-\uffdc]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Renders rows as aligned columns (as wide as their widest cell).
 *
 * @example
 * formatTable([['登录名 login', '状态'], ['wang', '正常']])
 */
export function formatTable(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((row) =>
    row
      .map((c, i) =>
        i === row.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)),
      )
      .join('  ')
      .trimEnd(),
  );
}
