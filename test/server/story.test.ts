/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
import { describe, it, expect } from 'vitest';
import { claimColumns, claimData, claimOfRow, type ClaimDbRow } from '../../src/store/ledger-rows.js';
import { useStoryApp } from './story-app.js';
import { servedReadOnly } from './fixture.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const story = useStoryApp(20);
const { get } = story;
const ids = (body: Record<string, any>): string[] => body.items.map((e: any) => e.id);

describe('GET /api/story', () => {
  it('puts events in conflict first and folds those with fewer claims than asked, counting them', async () => {
    const all = await get('/api/story?limit=3');
    expect(all.status).toBe(200);
    expect([all.body.total, all.body.folded]).toEqual([22, 0]);
    expect(ids(all.body)).toEqual(['v-summit', 'v-call', 'v-extra-0000']);
    const folded = await get('/api/story?minClaims=2');
    expect([folded.body.total, folded.body.folded, ids(folded.body)]).toEqual([1, 21, ['v-summit']]);
  });

  it('filters on the claims: outlet, speaker, side, language and date range', async () => {
    expect(ids((await get('/api/story?outlet=Wire%20Service')).body)).toEqual(['v-summit', 'v-call']);
    expect(ids((await get('/api/story?speaker=e-vale')).body)).toEqual(['v-summit']);
    expect(ids((await get('/api/story?side=Ostrana%20government')).body)).toEqual(['v-summit']);
    // The call's claim is dated 2025-03-09; the summit's are 03-03, 03-05 and 03-10.
    expect(ids((await get('/api/story?from=2025-03-09&to=2025-03-09')).body)).toEqual(['v-call']);
    expect(ids((await get('/api/story?from=2025-03-04&to=2025-03-06')).body)).toEqual(['v-summit']);
    expect((await get('/api/story?language=xx')).body.total).toBe(0);
  });

  it('filters on the event status and on the kind of its conflicts', async () => {
    expect(ids((await get('/api/story?status=held')).body)).toEqual(['v-call']);
    expect(ids((await get('/api/story?kind=reversal')).body)).toEqual(['v-summit']);
    expect((await get('/api/story?kind=walk_back')).body.total).toBe(0);
  });

  it('orders the story as the store is now: a conflict written by another process moves its event up at once', async () => {
    const { file, app, close } = await servedReadOnly(5, { responseCacheBytes: 0 });
    try {
      const order = async (): Promise<string[]> => ids((await app.inject('/api/story?limit=3')).json());
      expect(await order()).toEqual(['v-summit', 'v-call', 'v-extra-0000']);
      const writer = new SqliteStore(file);
      const exp = writer.loadExport();
      // The summit's conflicts are the call's now: the call leads (conflicts first), the summit follows by latest activity.
      for (const k of exp.conflicts) k.event = 'v-call';
      const speakers = writer.db.prepare('SELECT document, local, entity FROM speakers').all() as Array<{ document: string; local: string; entity: string }>;
      writer.saveLedger({ ...exp, speakers });
      writer.close();
      expect(await order()).toEqual(['v-call', 'v-summit', 'v-extra-0000']);
    } finally {
      await close();
    }
  });

  it('says which filter value is wrong', async () => {
    const { status, body } = await get('/api/story?from=March');
    expect(status).toBe(400);
    expect(body.message).toMatch(/from/);
  });
});

describe('GET /api/story/facets', () => {
  it('offers the values present in the ledger, most used first', async () => {
    const { status, body } = await get('/api/story/facets');
    expect(status).toBe(200);
    expect(body.outlets.map((f: any) => [f.value, f.count])).toEqual([['Wire Service', 2], ['Northern Ledger', 1], ['Ostrana Daily', 1]]);
    expect(body.speakers.map((f: any) => [f.value, f.label, f.count])).toEqual([['e-kross', 'Anja Kross', 2], ['e-vale', 'Dmitri Vale', 1]]);
    expect(body.sides.map((f: any) => f.label)).toEqual(['Velmora government', 'Ostrana government']);
    expect(body.kinds.map((f: any) => [f.value, f.count])).toEqual([['denial', 1], ['reversal', 1]]);
    expect(body.dates).toEqual({ from: '2025-03-03', to: '2025-03-10' });
  });
});

describe('GET /api/events/:id', () => {
  it('serves a claim that names its acting party (the export writes `actor` only then)', async () => {
    // The claim's row as the ledger writes it when the article narrates another party's act.
    const db = story.store().db;
    const stored = claimOfRow(db.prepare(`SELECT ${claimColumns} FROM claims c WHERE c.id = 'doc-b:c1'`).get() as ClaimDbRow);
    db.prepare('UPDATE claims SET data = ? WHERE id = ?').run(claimData({ ...stored, actor: 'e-vale', url: null, outlet: null, authors: [], published: null }), stored.id);
    const { status, body } = await get('/api/events/v-summit');
    expect(status).toBe(200);
    expect(body.timeline.find((c: any) => c.id === 'doc-b:c1').actor).toBe('e-vale');
    expect(body.conflicts.find((k: any) => k.id === 'k1').b.claim.actor).toBe('e-vale');
  });
});
