/**
 * A ledger id dropped by a rebuild (an event merged or split, an entity renamed, a conflict
 * named anew) answers with the ids that now hold its members: the store keeps redirect rows,
 * the API's detail routes answer 308 (one id) or 300 (split), and redirects never name an id
 * that is gone.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { storyStore, story } from '../server/fixture.js';
import { exportLedger, speakerRows } from '../../src/report/export.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import type { Ledger } from '../../src/core/types.js';
import { tempDir } from '../helpers/tmp.js';

let store: SqliteStore;
let app: FastifyInstance;

/** Save the story's ledger again with its events, entities and conflicts renamed by `edit`. */
function resave(edit: (l: Ledger) => void): void {
  const { docs, ledger } = story();
  edit(ledger);
  store.saveLedger({ ...exportLedger(docs, ledger), speakers: speakerRows(ledger.entityOf) });
}

const renameEntity = (l: Ledger, from: string, to: string): void => {
  for (const e of l.entities) if (e.id === from) e.id = to;
  for (const m of l.entityOf.values()) for (const [k, v] of m) if (v === from) m.set(k, to);
};

beforeAll(async () => {
  store = storyStore(join(tempDir(), 'moved.db'));
  app = await buildApp({ store, uiRoot: null });
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('redirects', () => {
  it('sends a split event to its parts, a merged one to where it went, a renamed entity and conflict to their new ids', async () => {
    resave((l) => {
      // v-summit split: doc-a and doc-b's claims in one part, doc-c's with the call in the other.
      l.events = [
        { ...l.events[0]!, id: 'v-summit-talks' },
        { ...l.events[0]!, id: 'v-summit-later' },
      ];
      for (const c of l.claims) c.event = c.doc === 'doc-c' ? 'v-summit-later' : 'v-summit-talks';
      for (const k of l.conflicts) {
        k.event = 'v-summit-talks';
        k.id = `${k.id}-new`;
      }
      renameEntity(l, 'e-kross', 'e-anja-kross');
    });
    expect(store.redirect('event', 'v-summit')).toEqual(['v-summit-talks', 'v-summit-later']);
    expect(store.redirect('event', 'v-call')).toEqual(['v-summit-later']);
    expect(store.redirect('entity', 'e-kross')).toEqual(['e-anja-kross']);
    expect(store.redirect('entity', 'e-vale')).toEqual([]);
    expect(store.redirect('conflict', 'k1')).toEqual(['k1-new']);

    const split = await app.inject({ method: 'GET', url: '/api/events/v-summit' });
    expect(split.statusCode).toBe(300);
    expect(split.json()).toMatchObject({ code: 'WB_MOVED', movedTo: ['v-summit-talks', 'v-summit-later'] });
    const merged = await app.inject({ method: 'GET', url: '/api/events/v-call' });
    expect(merged.statusCode).toBe(308);
    expect(merged.headers.location).toBe('/api/events/v-summit-later');
    const followed = await app.inject({ method: 'GET', url: merged.headers.location as string });
    expect(followed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/entities/e-kross' })).headers.location).toBe('/api/entities/e-anja-kross');
    expect((await app.inject({ method: 'GET', url: '/api/conflicts/k2' })).headers.location).toBe('/api/conflicts/k2-new');
    expect((await app.inject({ method: 'GET', url: '/api/events/v-never' })).statusCode).toBe(404);
  });

  it('follows a chain to live ids and drops the redirect of an id that comes back', () => {
    // The two parts merge again under a third id: the first id now goes straight there.
    resave((l) => {
      l.events = [{ ...l.events[0]!, id: 'v-summit-whole' }];
      for (const c of l.claims) c.event = 'v-summit-whole';
    });
    expect(store.redirect('event', 'v-summit')).toEqual(['v-summit-whole']);
    expect(store.redirect('event', 'v-summit-talks')).toEqual(['v-summit-whole']);
    expect(store.redirect('event', 'v-call')).toEqual(['v-summit-whole']);
    // The story as first built: its ids are live again, so none of them redirects.
    resave(() => {});
    for (const id of ['v-summit', 'v-call']) expect(store.redirect('event', id)).toEqual([]);
    expect(store.redirect('event', 'v-summit-whole')).toEqual(['v-summit', 'v-call']);
    expect(store.redirect('entity', 'e-kross')).toEqual([]);
  });

  it('sends an event with no claims where most of its mentions went', () => {
    // Two claimless events; the first's mentions split two to one between the second and a new one.
    const own = storyStore(join(tempDir(), 'mentions.db'), 2);
    const exp = own.loadExport();
    const speakers = own.db.prepare('SELECT document, local, entity FROM speakers').all() as Array<{ document: string; local: string; entity: string }>;
    const mention = (document: string, id: string, event: string): { document: string; mention: string; event: string } => ({ document, mention: id, event });
    own.saveLedger({ ...exp, speakers, mentions: [mention('doc-a', 'em7', 'v-extra-0000'), mention('doc-b', 'em2', 'v-extra-0000'), mention('doc-b', 'em4', 'v-extra-0000'), mention('doc-b', 'em3', 'v-extra-0001')] });
    const third = { ...exp.events.find((v) => v.id === 'v-extra-0001')!, id: 'v-extra-0002' };
    own.saveLedger({
      ...exp,
      events: [...exp.events.filter((v) => v.id !== 'v-extra-0000'), third],
      speakers,
      mentions: [mention('doc-a', 'em7', 'v-extra-0001'), mention('doc-b', 'em2', 'v-extra-0002'), mention('doc-b', 'em4', 'v-extra-0001'), mention('doc-b', 'em3', 'v-extra-0001')],
    });
    expect(own.redirect('event', 'v-extra-0000')).toEqual(['v-extra-0001', 'v-extra-0002']);
    expect(own.db.prepare("SELECT shared FROM redirects WHERE old = 'v-extra-0000' ORDER BY shared DESC").pluck().all()).toEqual([2, 1]);
    own.close();
  });
});
