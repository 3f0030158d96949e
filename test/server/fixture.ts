/**
 * A tiny invented story with a hand-built ledger, for exact assertions on the API, the web
 * UI and the report formats: two events, four claims, two conflicts (a denial and a reversal);
 * and a check that the response cache keeps an answer.
 */
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { saveAnalyzed } from '../../src/run.js';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import type { Claim, Doc, Entity, Event, Ledger, LedgerClaim, Statement, Conflict } from '../../src/core/types.js';
import { buildExport, speakerRows } from '../../src/report/export.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { join } from 'node:path';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { tempDir } from '../helpers/tmp.js';

const A = `Velmora and Ostrana agree to a Tallinor summit, Kross says

Velmoran Foreign Minister Anja Kross said on Monday that a summit with Ostrana had been agreed. "We have agreed to meet in Tallinor in April," Kross told reporters.`;

const B = `Ostrana denies any summit deal

Ostranian spokesman Dmitri Vale rejected the account on Wednesday. "Nothing has been agreed, and no date is set," Vale said.`;

const C = `Tallinor summit postponed

Kross said the meeting would not go ahead as planned. "The summit is postponed until further notice," she said on Monday. A phone call between the two leaders was held on Sunday, officials said.`;

function at(text: string, needle: string, rule: string): { start: number; end: number; rule: string } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${needle} not in text`);
  return { start, end: start + needle.length, rule };
}

function doc(id: string, text: string, title: string, outlet: string, date: string): Doc {
  const meta = { ...emptyMeta('txt'), title, outlet, published: { date, source: 'option' as const, raw: date } };
  const d = createDoc({ id, source: `${id}.txt`, rawHash: `hash-${id}`, text, meta });
  d.sentences = [{ start: 0, end: text.length, paragraph: 0 }];
  return d;
}

const day = (d: string) => ({ start: d, end: d, granularity: 'day' as const, timex: d, implied: false });

function statement(d: Doc, id: string, quote: string, speaker: string, local: string, date: string): Statement {
  const content = at(d.text, quote, 'attribution/quote-speaker-verb');
  return {
    id,
    span: { start: content.start - 1, end: content.end + 1, rule: content.rule },
    content,
    cue: null,
    kind: 'direct',
    speaker: { span: at(d.text, speaker, 'attribution/quote-speaker-verb'), text: speaker, mention: null, local },
    addressee: null,
    channel: null,
    date: day(date),
    rule: 'attribution/quote-speaker-verb',
  };
}

function claim(d: Doc, id: string, statementId: string | null, source: string | null, status: Claim['status'], evidence: string, date: string): Claim {
  return { id, eventMention: `m-${id}`, statement: statementId, source, sourceText: null, status, modality: 'asserted', evidence: at(d.text, evidence, 'events/status-cue'), cue: null, date: day(date), rule: 'events/status-cue' };
}

export interface Story {
  docs: Doc[];
  ledger: Ledger;
}

export function story(): Story {
  const a = doc('doc-a', A, 'Velmora and Ostrana agree to a Tallinor summit, Kross says', 'Northern Ledger', '2025-03-03');
  const b = doc('doc-b', B, 'Ostrana denies any summit deal', 'Ostrana Daily', '2025-03-05');
  const c = doc('doc-c', C, 'Tallinor summit postponed', 'Wire Service', '2025-03-10');
  a.statements = [statement(a, 's1', 'We have agreed to meet in Tallinor in April,', 'Kross', 'l-kross', '2025-03-03')];
  b.statements = [statement(b, 's1', 'Nothing has been agreed, and no date is set,', 'Vale', 'l-vale', '2025-03-05')];
  c.statements = [statement(c, 's1', 'The summit is postponed until further notice,', 'she', 'l-kross', '2025-03-10')];
  a.claims = [claim(a, 'c1', 's1', 'l-kross', 'agreed', 'We have agreed to meet in Tallinor in April', '2025-03-03')];
  b.claims = [claim(b, 'c1', 's1', 'l-vale', 'not_agreed', 'Nothing has been agreed', '2025-03-05')];
  c.claims = [
    claim(c, 'c1', 's1', 'l-kross', 'postponed', 'The summit is postponed until further notice', '2025-03-10'),
    claim(c, 'c2', null, null, 'held', 'A phone call between the two leaders was held on Sunday', '2025-03-09'),
  ];
  const entities: Entity[] = [
    { id: 'e-kross', name: 'Anja Kross', type: 'person', aliases: ['Kross'], roles: ['foreign minister'], affiliation: ['Velmora government'], side: 'Velmora government' },
    { id: 'e-vale', name: 'Dmitri Vale', type: 'person', aliases: ['Vale'], roles: ['spokesman'], affiliation: ['Ostrana government'], side: 'Ostrana government' },
  ];
  const events: Event[] = [
    { id: 'v-summit', type: 'meeting', participants: ['e-kross', 'e-vale'], place: 'Tallinor', time: null, label: 'Velmora–Ostrana summit in Tallinor', mentions: [], status: 'postponed' },
    { id: 'v-call', type: 'call', participants: [], place: null, time: day('2025-03-09'), label: 'Leaders’ phone call', mentions: [], status: 'held' },
  ];
  const lc = (d: Doc, cl: Claim, event: string, source: string | null, side: string | null): LedgerClaim => ({ id: `${d.id}:${cl.id}`, doc: d.id, claim: cl, event, source, side, copyOf: null });
  const claims: LedgerClaim[] = [
    lc(a, a.claims[0]!, 'v-summit', 'e-kross', 'Velmora government'),
    lc(b, b.claims[0]!, 'v-summit', 'e-vale', 'Ostrana government'),
    lc(c, c.claims[0]!, 'v-summit', 'e-kross', 'Velmora government'),
    lc(c, c.claims[1]!, 'v-call', null, null),
  ];
  const conflicts: Conflict[] = [
    { id: 'k1', kind: 'denial', claims: ['doc-a:c1', 'doc-b:c1'], event: 'v-summit', explanation: 'Dmitri Vale (2025-03-05) says not_agreed; Anja Kross (2025-03-03) said agreed.', rule: 'conflicts/denial' },
    { id: 'k2', kind: 'reversal', claims: ['doc-a:c1', 'doc-c:c1'], event: 'v-summit', explanation: 'Anja Kross said agreed on 2025-03-03, then postponed on 2025-03-10.', rule: 'conflicts/reversal' },
  ];
  const entityOf = new Map([
    ['doc-a', new Map([['l-kross', 'e-kross']])],
    ['doc-b', new Map([['l-vale', 'e-vale']])],
    ['doc-c', new Map([['l-kross', 'e-kross']])],
  ]);
  return { docs: [a, b, c], ledger: { entities, entityOf, events, claims, conflicts } };
}

/** A store holding the story: its documents and the ledger rows built from them. */
export function storyStore(file: string, extraEvents = 0): SqliteStore {
  const { docs, ledger } = story();
  const store = new SqliteStore(file);
  saveAnalyzed(store, docs.map((doc) => ({ doc, raw: Buffer.from(doc.text) })));
  const exp = buildExport(docs, ledger);
  // Many more (claimless) events, to exercise pagination.
  for (let i = 0; i < extraEvents; i++) exp.events.push({ id: `v-extra-${String(i).padStart(4, '0')}`, type: 'other', participants: [], label: `Filler event ${i}`, place: null, time: null, status: 'possible' });
  store.saveLedger({ ...exp, speakers: speakerRows(ledger.entityOf) });
  return store;
}

/** The story in a store file of its own, served read-only (as `serve` serves a store another process writes); `close` closes the app and the store. */
export async function servedReadOnly(extraEvents = 0, opts: Partial<AppOptions> = {}): Promise<{ file: string; app: FastifyInstance; close: () => Promise<void> }> {
  const file = join(tempDir(), 'story.db');
  storyStore(file, extraEvents).close();
  const reader = new SqliteStore(file, { readOnly: true });
  const app = await buildApp({ store: reader, uiRoot: null, searchWorkers: 0, ...opts });
  return {
    file,
    app,
    close: async () => {
      await app.close();
      reader.close();
    },
  };
}

/**
 * Ask for `url` twice: the first answer is computed, the second sent from the response cache,
 * the same bytes and type. Returns the first.
 */
export async function keptOnSecondAsk(app: FastifyInstance, url: string): Promise<LightMyRequestResponse> {
  const first = await app.inject(url);
  expect(first.headers['x-walkback-cache']).toBeUndefined();
  const again = await app.inject(url);
  expect(again.headers['x-walkback-cache']).toBe('hit');
  expect(again.body).toBe(first.body);
  expect(again.headers['content-type']).toBe(first.headers['content-type']);
  return first;
}
