/** Builds a WHERE clause from optional filters, with named parameters only (never spliced values). */
export function sqlFilter(params: Record<string, unknown> = {}) {
  const clauses: string[] = [];
  return {
    params,
    /** Adds `clause` (which names `@key`) when the filter was given. */
    add(clause: string, key: string, value: unknown): void {
      if (value === undefined) return;
      clauses.push(clause);
      params[key] = value;
    },
    where(): string {
      return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    },
  };
}
