/**
 * A synchronous SQLite object behind the async port: the named methods, each answering a
 * promise of what the method returns (or rejecting with what it throws).
 */
import type { Async } from '../port.js';

export function asAsync<T extends object, K extends keyof T & string>(target: T, methods: readonly K[]): Async<Pick<T, K>> {
  const out: Record<string, unknown> = {};
  for (const m of methods) {
    const f = target[m] as unknown as (...args: unknown[]) => unknown;
    out[m] = async (...args: unknown[]) => f.apply(target, args);
  }
  return out as Async<Pick<T, K>>;
}
