/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
/**
 * One suite over both backends of the store port (src/store/port.ts): every store operation
 * and every read route of the API answer the same on the SQLite file and on PostgreSQL. The
 * PostgreSQL server is the run's own (test/helpers/pg-global-setup.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Backend, DocumentStore } from '../../src/store/port.js';
import { toDocRow, type LedgerRows } from '../../src/store/store.js';
import { copySignatures } from '../../src/clean/duplicates.js';
import { buildExport, speakerRows } from '../../src/report/export.js';
import { buildApp } from '../../src/server/app.js';
import { formats, renderReport } from '../../src/report/formats/index.js';
import type { Doc } from '../../src/core/types.js';
import { story } from '../server/fixture.js';
import { analyzeIntoPort } from '../../src/run-port.js';
import { backends, pgUrl, type Opened } from './backends.js';
import { staged } from '../../src/store/staged-ledger.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
if (!pgUrl) console.warn('walkback: the PostgreSQL half of the store contract suite is skipped: no PostgreSQL binaries (apt-get install postgresql) and no WALKBACK_PG_URL');

const rowOfDoc = (doc: Doc) => toDocRow({ doc, raw: Buffer.from(doc.text), ...copySignatures(doc.text) });

/** The invented story of test/server/fixture.ts, one of its people also known by a nickname (for search). */
function storyLedger(): ReturnType<typeof story> & { rows: LedgerRows } {
  const { docs, ledger } = story();
  ledger.entities.find((e) => e.id === 'e-vale')!.aliases.push('Dima');
  const { entities, events, claims, conflicts } = buildExport(docs, ledger);
  return { docs, ledger, rows: { entities, events, claims, conflicts, speakers: [...speakerRows(ledger.entityOf)] } };
}

/** Each route's answer on each backend, compared once both have run. */
const answers = new Map<string, Partial<Record<Backend, unknown>>>();

describe.each(backends)('the %s store', (backend, open) => {
  const skip = backend === 'postgres' && !pgUrl;
  let opened: Opened;
  let store: DocumentStore;
  beforeAll(async () => {
    if (skip) return;
    opened = await open();
    store = opened.store;
  });
  afterAll(async () => {
    if (!skip) await opened.done();
  });

  describe.skipIf(skip)('store operations', () => {
    it('names its backend', () => {
      expect(store.backend).toBe(backend);
    });

    it('saves documents once, keeps their raw input and hashes, and lists their signatures in the order added', async () => {
      const { docs } = storyLedger();
      expect(await store.ledgerStale()).toBe(false);
      expect(await store.saveDocs(docs.map(rowOfDoc))).toBe(3);
      expect(await store.saveDocs(docs.map(rowOfDoc))).toBe(0);
      expect([...(await store.knownHashes())].sort()).toEqual(['hash-doc-a', 'hash-doc-b', 'hash-doc-c']);
      expect((await store.signatures()).map((s) => s.id)).toEqual(['doc-a', 'doc-b', 'doc-c']);
      expect((await store.raw('hash-doc-b'))?.toString()).toBe(docs[1]!.text);
      expect(await store.raw('no-such-hash')).toBeNull();
      expect(await store.ledgerStale()).toBe(true);
    });

    it('loads what the corpus stages read, in ledger order', async () => {
      const loaded = await store.loadLedgerInputs();
      expect(loaded.map((d) => d.id)).toEqual(['doc-a', 'doc-b', 'doc-c']);
      expect(loaded[2]!.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(loaded[0]!.text).toBe(story().docs[0]!.text);
    });

    it('saves a ledger, and exports exactly what was built', async () => {
      const { docs, ledger, rows } = storyLedger();
      await store.saveLedger(rows);
      expect(await store.ledgerStale()).toBe(false);
      expect(await store.counts()).toEqual({ documents: 3, entities: 2, statements: 3, events: 2, claims: 4, conflicts: 2 });
      const exp = await store.loadExport();
      expect(exp).toEqual(buildExport(docs, ledger));
      let text = '';
      await store.writeExport((s) => (text += s));
      expect(JSON.parse(text)).toEqual(exp);
      answers.set('export', { ...answers.get('export'), [backend]: text });
    });

    it('reads a snapshot a piece at a time: each report format writes what the documents and ledger in memory give', async () => {
      const { docs, ledger } = storyLedger();
      const opts = { generatedAt: new Date('2025-03-11T08:30:05Z') };
      for (const format of Object.keys(formats)) {
        let text = '';
        await store.readSnapshot((reads) => formats[format]!(reads, (s) => (text += s), opts));
        expect(text).toBe(await renderReport(format, docs, ledger, opts));
      }
      const reads = await store.readSnapshot(async (r) => ({ outlines: await r.eventOutlines(), unplaced: await r.unplacedStatements(), cites: await r.documentCites(['doc-b', 'no-such-doc']) }));
      expect(reads.outlines.map((o) => [o.id, o.claims, o.conflicts])).toEqual(ledger.events.map((v) => [v.id, ledger.claims.filter((c) => c.event === v.id).length, ledger.conflicts.filter((k) => k.event === v.id).length]));
      expect(reads.unplaced).toBe(0);
      expect(reads.cites).toEqual([{ id: 'doc-b', source: docs[1]!.source, title: docs[1]!.meta.title }]);
    });

    it('rebuilds the ledger from the stored documents under its lock', async () => {
      const { rows } = storyLedger();
      let seen: string[] = [];
      await store.rebuildLedger((docs) => {
        seen = docs.map((d) => d.id);
        return staged({ ...rows, events: rows.events.map((v) => (v.id === 'v-call' ? { ...v, label: 'A call' } : v)) });
      });
      expect(seen).toEqual(['doc-a', 'doc-b', 'doc-c']);
      expect((await store.loadExport()).events.find((v) => v.id === 'v-call')?.label).toBe('A call');
    });

    it('keeps the stored ledger whole when finding the conflicts fails mid-rebuild', async () => {
      const before = await store.loadExport();
      const { rows } = storyLedger();
      // The other tables are being written (on PostgreSQL) when the conflicts fail.
      function* failing(): Generator<void, never> {
        yield;
        throw new Error('conflicts failed');
      }
      await expect(store.rebuildLedger(() => ({ rows: { ...rows, events: rows.events.map((v) => ({ ...v, label: 'Not kept' })) }, conflicts: failing() }))).rejects.toThrow('conflicts failed');
      expect(await store.loadExport()).toEqual(before);
      expect((await store.loadExport()).events.some((v) => v.label === 'Not kept')).toBe(false);
    });

    it('redirects an id a rebuild dropped to the ids now holding its members', async () => {
      const { rows } = storyLedger();
      const renamed = (id: string) => (id === 'v-summit' ? 'v-summit-2' : id);
      await store.saveLedger({
        ...rows,
        events: rows.events.map((v) => ({ ...v, id: renamed(v.id) })),
        claims: rows.claims.map((c) => ({ ...c, event: renamed(c.event) })),
        conflicts: rows.conflicts.map((k) => ({ ...k, event: renamed(k.event) })),
      });
      expect(await store.redirect('event', 'v-summit')).toEqual(['v-summit-2']);
      expect(await store.redirect('event', 'v-never')).toEqual([]);
      // The id comes back: it is no longer redirected.
      await store.saveLedger(rows);
      expect(await store.redirect('event', 'v-summit')).toEqual([]);
    });

    it('lists documents stored in a language not analysed', async () => {
      const { docs } = storyLedger();
      const de = { ...docs[0]!, id: 'doc-de', rawHash: 'hash-de', source: 'https://example.org/de', meta: { ...docs[0]!.meta, language: 'de' }, statements: [], claims: [] };
      expect(await store.saveDocs([rowOfDoc(de)])).toBe(1);
      expect(await store.notAnalysed()).toEqual([{ id: 'doc-de', source: 'https://example.org/de', language: 'de' }]);
      await store.saveLedger(storyLedger().rows);
    });
  });

  describe.skipIf(skip)('the read API', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ store, uiRoot: null, searchWorkers: 0 });
    });
    afterAll(async () => {
      await app?.close();
    });
    const get = async (url: string): Promise<{ status: number; body: any; location?: string }> => {
      const res = await app.inject({ method: 'GET', url });
      const out = { status: res.statusCode, body: res.json(), location: res.headers.location as string | undefined };
      answers.set(url, { ...answers.get(url), [backend]: out });
      return out;
    };

    it('counts every table and the documents not analysed', async () => {
      const { body } = await get('/api/stats');
      expect(body).toMatchObject({ documents: 4, entities: 2, statements: 3, events: 2, claims: 4, conflicts: 2, notAnalysed: [{ language: 'de', documents: 1 }] });
    });

    it('pages documents in the order added, with their counts, and shows one with its statements and claims', async () => {
      const { body } = await get('/api/documents?limit=2&offset=1');
      expect(body.total).toBe(4);
      expect(body.items.map((d: any) => [d.id, d.statements, d.claims])).toEqual([
        ['doc-b', 1, 1],
        ['doc-c', 1, 2],
      ]);
      const one = await get('/api/documents/doc-c');
      expect(one.body.claims.map((c: any) => c.id)).toEqual(['doc-c:c1', 'doc-c:c2']);
      expect(one.body.statements[0].speakerName).toBe('Anja Kross');
      expect((await get('/api/documents/nope')).status).toBe(404);
    });

    it('ranks entities by statements, filters them by name, and shows one', async () => {
      const { body } = await get('/api/entities');
      expect(body.items.map((e: any) => [e.id, e.statements, e.claims])).toEqual([
        ['e-kross', 2, 2],
        ['e-vale', 1, 1],
      ]);
      expect((await get('/api/entities?q=vale')).body.items.map((e: any) => e.id)).toEqual(['e-vale']);
      expect((await get('/api/entities/e-vale')).body.statements).toBe(1);
    });

    it('lists statements oldest first, by speaker, and shows one', async () => {
      const { body } = await get('/api/statements');
      expect(body.items.map((s: any) => [s.document, s.speaker])).toEqual([
        ['doc-a', 'e-kross'],
        ['doc-b', 'e-vale'],
        ['doc-c', 'e-kross'],
      ]);
      expect((await get('/api/statements?speaker=e-kross')).body.total).toBe(2);
      expect((await get(`/api/statements/${encodeURIComponent(body.items[1].id)}`)).body.speakerName).toBe('Dmitri Vale');
    });

    it('lists events by latest activity, filters them, and shows one with its timeline, conflicts and episodes', async () => {
      const { body } = await get('/api/events');
      expect(body.items.map((e: any) => [e.id, e.lastDate, e.claims, e.conflicts])).toEqual([
        ['v-summit', '2025-03-10', 3, 2],
        ['v-call', '2025-03-09', 1, 0],
      ]);
      expect((await get('/api/events?status=held')).body.items.map((e: any) => e.id)).toEqual(['v-call']);
      const one = (await get('/api/events/v-summit')).body;
      expect(one.timeline.map((c: any) => c.id)).toEqual(['doc-a:c1', 'doc-b:c1', 'doc-c:c1']);
      expect(one.conflicts.map((k: any) => k.id)).toEqual(['k1', 'k2']);
      expect(one.page).toEqual({ limit: 50, offset: 0 });
      expect(one.episodes).toEqual([{ claim: 'doc-a:c1', conflicts: ['k1', 'k2'] }]);
    });

    it('answers an event id a rebuild moved with a redirect to where it went', async () => {
      const { rows } = storyLedger();
      const renamed = (id: string) => (id === 'v-call' ? 'v-call-2' : id);
      await store.saveLedger({ ...rows, events: rows.events.map((v) => ({ ...v, id: renamed(v.id) })), claims: rows.claims.map((c) => ({ ...c, event: renamed(c.event) })) });
      try {
        const moved = await get('/api/events/v-call');
        expect(moved.status).toBe(308);
        expect(moved.location).toBe('/api/events/v-call-2');
      } finally {
        await store.saveLedger(rows);
      }
    });

    it('lists conflicts and shows one with both pieces of evidence', async () => {
      expect((await get('/api/conflicts?kind=denial')).body.items.map((k: any) => k.id)).toEqual(['k1']);
      const k = (await get('/api/conflicts/k2')).body;
      expect(k.a.context.text).toContain('We have agreed to meet in Tallinor');
      expect(k.b.claim.status).toBe('postponed');
      expect((await get('/api/conflicts/k9')).status).toBe(404);
    });

    it('triages the story: events in conflict first, filtered on their claims, folded below a claim count, with the values each filter offers', async () => {
      const { body } = await get('/api/story');
      expect(body.items.map((e: any) => [e.id, e.claims, e.conflicts])).toEqual([
        ['v-summit', 3, 2],
        ['v-call', 1, 0],
      ]);
      const folded = (await get('/api/story?minClaims=2')).body;
      expect([folded.total, folded.folded, folded.items.map((e: any) => e.id)]).toEqual([1, 1, ['v-summit']]);
      expect((await get('/api/story?q=SUMM')).body.items.map((e: any) => e.id)).toEqual(['v-summit']);
      expect((await get('/api/story?speaker=e-vale')).body.items.map((e: any) => e.id)).toEqual(['v-summit']);
      expect((await get('/api/story?kind=denial&from=2025-03-01&to=2025-03-31')).body.total).toBe(1);
      const facets = (await get('/api/story/facets')).body;
      expect(facets.speakers.map((f: any) => [f.value, f.count])).toEqual([
        ['e-kross', 2],
        ['e-vale', 1],
      ]);
      expect(facets.kinds.map((f: any) => f.value).sort()).toEqual(['denial', 'reversal']);
    });

    it('has no watch changes on a store never watched', async () => {
      expect((await get('/api/changes')).body).toEqual({ cursor: 0, items: [] });
    });

    it('searches statements, documents, events and conflicts, widening a name to its entity', async () => {
      const { body } = await get('/api/search?q=postponed');
      expect(body.statements.items.map((h: any) => h.item.document)).toEqual(['doc-c']);
      expect(body.statements.items[0].snippet).toContain('\uE000postponed\uE001');
      expect(body.documents.items.map((h: any) => h.item.id)).toEqual(['doc-c']);
      // A page past the last hit: none, and still how many there are.
      const past = (await get('/api/search?q=postponed&offset=5')).body;
      expect([past.statements.total, past.statements.items, past.documents.total]).toEqual([1, [], 1]);
      // "Dima" is Dmitri Vale's nickname: his other spellings are searched for too, and the event he takes part in is found.
      const dima = (await get('/api/search?q=dima')).body;
      expect(dima.query).toBe('("dima" OR "Vale")');
      expect(dima.statements.items.map((h: any) => h.item.document)).toEqual(['doc-b']);
      expect(dima.events.items.map((h: any) => h.item.id)).toEqual(['v-summit']);
      expect((await get('/api/search?q=%22no%20date%20is%20set%22&in=statements')).body.statements.total).toBe(1);
      expect((await get('/api/search?q=%21%21')).status).toBe(400);
    });
  });
});

describe.each(backends)('analyze into the %s store', (backend, open) => {
  it.skipIf(backend === 'postgres' && !pgUrl)('stores the examples, builds their ledger, and adds nothing when run again', async () => {
    const { store, done } = await open();
    try {
      const first = await analyzeIntoPort(store, [EXAMPLES], { jobs: 0 });
      expect(first.errors).toEqual([]);
      expect(first.added).toBe(first.read);
      expect(first.counts.documents).toBe(first.read);
      expect(first.counts.events).toBeGreaterThan(0);
      expect(await store.ledgerStale()).toBe(false);
      let text = '';
      await store.writeExport((s) => (text += s));
      const again = await analyzeIntoPort(store, [EXAMPLES], { jobs: 0 });
      expect(again.added).toBe(0);
      let after = '';
      await store.writeExport((s) => (after += s));
      expect(after).toBe(text);
      answers.set('pipeline export', { ...answers.get('pipeline export'), [backend]: text });
    } finally {
      await done();
    }
  });
});

describe.each(backends)('documents saved one at a time into the %s store', (backend, open) => {
  it.skipIf(backend === 'postgres' && !pgUrl)('are stored as one batch stores them: once, their statements in order', async () => {
    const { docs: told } = storyLedger();
    // One of them says three things at once, written in an order that is not their ids' order.
    const [first, ...rest] = told;
    const said = first!.statements[0]!;
    const docs = [{ ...first!, statements: ['s-z', 's-a', 's-m'].map((id) => ({ ...said, id })) }, ...rest];
    const stored = async (save: (store: DocumentStore) => Promise<number[]>): Promise<{ added: number[]; statements: unknown[]; raw: string[] }> => {
      const { store, done } = await open();
      try {
        const added = await save(store);
        const statements = (await store.reads().statements({ limit: 100, offset: 0 })).items.map((s) => [s.id, s.document, s.text, s.speakerText, s.kind, s.date, s.rule]);
        const raw = await Promise.all(docs.map(async (d) => (await store.raw(d.rawHash!))?.toString() ?? ''));
        return { added, statements, raw };
      } finally {
        await done();
      }
    };
    // PostgreSQL saves a lone document with one statement of its own, a batch in a transaction (save-doc.ts).
    const alone = await stored(async (store) => {
      const added: number[] = [];
      for (const d of docs) added.push(await store.saveDocs([rowOfDoc(d)]), await store.saveDocs([rowOfDoc(d)]));
      return added;
    });
    const batch = await stored(async (store) => [await store.saveDocs(docs.map(rowOfDoc))]);
    expect(alone.added).toEqual([1, 0, 1, 0, 1, 0]);
    expect(batch.added).toEqual([3]);
    expect(alone.statements.length).toBe(docs.reduce((n, d) => n + d.statements.length, 0));
    expect(alone.statements).toEqual(batch.statements);
    // Listed oldest first, and in the order written within a document and a day.
    expect(alone.statements.filter((s: any) => s[1] === first!.id).map((s: any) => s[0])).toEqual(['s-z', 's-a', 's-m'].map((id) => `${first!.id}:${id}`));
    expect(alone.raw).toEqual(docs.map((d) => d.text));
  });
});

describe.each(backends)('an event read a page at a time from the %s store', (backend, open) => {
  it.skipIf(backend === 'postgres' && !pgUrl)('pages the busiest event of the examples: the pages make its timeline, and show each of its conflicts once, on the page of its later claim', async () => {
    const { store, done } = await open();
    const app = await buildApp({ store, uiRoot: null, searchWorkers: 0 });
    try {
      await analyzeIntoPort(store, [EXAMPLES], { jobs: 0 });
      const get = async (url: string): Promise<any> => {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        answers.set(url, { ...answers.get(url), [backend]: res.json() });
        return res.json();
      };
      const busiest = (await get('/api/events?limit=500')).items.reduce((a: any, b: any) => (b.claims > a.claims ? b : a));
      expect(busiest.claims).toBeGreaterThan(4);
      const path = `/api/events/${encodeURIComponent(busiest.id)}`;
      const whole = await get(`${path}?limit=500`);
      expect(whole.page).toEqual({ limit: 500, offset: 0 });
      expect(whole.timeline).toHaveLength(busiest.claims);
      // Timeline order: by date, undated last.
      const dates = whole.timeline.map((c: any) => c.sortDate);
      const dated = dates.filter((d: string | null) => d !== null);
      expect(dates).toEqual([...dated.sort(), ...dates.filter((d: string | null) => d === null)]);
      const every = (await get(`/api/conflicts?event=${encodeURIComponent(busiest.id)}&limit=500`)).items.map((k: any) => k.id);
      expect(whole.conflicts.map((k: any) => k.id)).toEqual(every);
      // The default page is the first TIMELINE_PAGE (50) claims: all of them here.
      expect((await get(path)).timeline).toEqual(whole.timeline);

      const position = new Map<string, number>(whole.timeline.map((c: any, i: number) => [c.id, i]));
      const claims: string[] = [];
      const shown: string[] = [];
      for (let offset = 0; offset < busiest.claims; offset += 2) {
        const page = await get(`${path}?limit=2&offset=${offset}`);
        expect(page.page).toEqual({ limit: 2, offset });
        expect(page.event).toEqual(whole.event);
        claims.push(...page.timeline.map((c: any) => c.id));
        for (const k of page.conflicts) {
          const later = Math.max(...k.claims.map((c: string) => position.get(c)!));
          expect(later >= offset && later < offset + 2, `${k.id} on the page of its later claim`).toBe(true);
          shown.push(k.id);
        }
        expect(page.episodes.flatMap((e: any) => e.conflicts).sort()).toEqual(page.conflicts.map((k: any) => k.id).sort());
      }
      expect(claims).toEqual(whole.timeline.map((c: any) => c.id));
      expect(shown.sort()).toEqual([...every].sort());
      expect(every.length).toBeGreaterThan(0);
      expect((await get(`${path}?limit=2&offset=${busiest.claims}`)).timeline).toEqual([]);
    } finally {
      await app.close();
      await done();
    }
  });
});

describe.skipIf(!pgUrl)('both backends', () => {
  it('export the same bytes and answer every read route the same', () => {
    for (const [route, by] of answers) expect(by.postgres, route).toEqual(by.sqlite);
  });
});
