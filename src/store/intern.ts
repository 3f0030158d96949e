/**
 * One string for each distinct rule name in what a store loads: JSON.parse makes a copy of a
 * string at every place it occurs, and the rule names (a few hundred, tens of characters each)
 * occur at every span, mention and claim, a sixth of a loaded ledger's memory.
 */

/** Every string held under `key` in `value` (objects and arrays, walked) replaced by the one copy in `seen`. */
export function internKey<T>(value: T, key: string, seen: Map<string, string>): T {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') {
        if (k !== key) continue;
        const one = seen.get(x);
        if (one === undefined) seen.set(x, x);
        else o[k] = one;
      } else if (x !== null && typeof x === 'object') walk(x);
    }
  };
  if (value !== null && typeof value === 'object') walk(value);
  return value;
}
