/**
 * Orders tables so that every table comes after the tables it references by foreign key
 * (Kahn's algorithm; ties broken by name, so the order is stable). Self-references are
 * ignored. Tables caught in a reference cycle, which no insertion order can satisfy without
 * deferrable constraints, follow at the end in name order.
 *
 * @example
 * dependencyOrder([
 *   { name: 'users', references: ['regions'] },
 *   { name: 'regions', references: [] },
 * ]).map((t) => t.name) // ['regions', 'users']
 */
export function dependencyOrder<T extends { name: string; references: string[] }>(
  tables: T[],
): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingOn = new Map<string, Set<string>>();
  for (const t of tables) {
    waitingOn.set(t.name, new Set(t.references.filter((r) => r !== t.name && byName.has(r))));
  }
  const out: T[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = [...waitingOn.entries()]
      .filter(([name, deps]) => !placed.has(name) && [...deps].every((d) => placed.has(d)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      placed.add(name);
      out.push(byName.get(name) as T);
    }
  }
  const rest = tables.filter((t) => !placed.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return [...out, ...rest];
}
