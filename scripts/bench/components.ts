/**
 * How much of a store the newest documents reach through the ledger as stored: documents are
 * linked when they share an entity (table speakers) or an event (table event_mentions), and the
 * documents linked, directly or not, to the newest ones are what a ledger update per connected
 * component would have to read and cluster again. A lower bound: canonicalization and
 * clustering link documents in more ways (a surname, a party's pool, a place).
 */
import Database from 'better-sqlite3';

export function componentShare(file: string, newest: number): { documents: number; reached: number } {
  const db = new Database(file, { readonly: true });
  try {
    const docs = db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all() as string[];
    const at = new Map(docs.map((d, i) => [d, i]));
    const parent = docs.map((_, i) => i);
    const root = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (const sql of ['SELECT document, entity FROM speakers', 'SELECT document, event FROM event_mentions']) {
      const first = new Map<string, number>();
      for (const [doc, key] of db.prepare(sql).raw().iterate() as Iterable<[string, string]>) {
        const i = at.get(doc);
        if (i === undefined) continue;
        const f = first.get(key);
        if (f === undefined) first.set(key, i);
        else parent[root(i)] = root(f);
      }
    }
    const reached = new Set(docs.slice(-newest).map((d) => root(at.get(d)!)));
    return { documents: docs.length, reached: docs.filter((d) => reached.has(root(at.get(d)!))).length };
  } finally {
    db.close();
  }
}
