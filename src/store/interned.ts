/**
 * One copy of each repeated string in values parsed from JSON. The ledger inputs of a large
 * store are read whole and repeat the same few strings (rule names, types, statuses, dates,
 * names) in every document: JSON.parse makes a new copy of each, a third of what they hold.
 */
export class StringPool {
  private readonly seen = new Map<string, string>();

  /** `value` with each string inside it replaced by the pool's copy: arrays and objects are changed in place. */
  intern<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(v: unknown): unknown {
    if (typeof v === 'string') {
      const s = this.seen.get(v);
      if (s !== undefined) return s;
      this.seen.set(v, v);
      return v;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.walk(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = this.walk(o[k]);
    }
    return v;
  }
}
