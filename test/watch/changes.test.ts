/** Which ledger changes are news, by keys that survive a ledger rebuild (event and conflict ids do not). */
import { describe, expect, it } from 'vitest';
import { ledgerChanges } from '../../src/watch/changes.js';
import type { WalkbackExport } from '../../src/report/export.js';

type Claim = WalkbackExport['claims'][number];
const source = (document: string) => ({ document, url: `https://news.invalid/${document}`, outlet: 'The Courier', authors: [] as string[], published: null });

const doc = (id: string, title: string): WalkbackExport['documents'][number] => ({ id, source: `https://news.invalid/${id}`, url: `https://news.invalid/${id}`, title, published: null, publishedFrom: null, outlet: 'The Courier', authors: [], language: 'en', duplicateOf: null, text: '' });
const claim = (id: string, document: string, status: string, date: string, start: number, event = 'ev-1'): Claim => ({
  id, event, document, source: 'e-ardent', sourceText: 'Ardent Foods', status, modality: 'asserted', text: `Ardent said it was ${status}`, statement: null, date, copyOf: null, span: { start, end: start + 10, rule: 'r' }, rule: 'r', url: `https://news.invalid/${document}`, outlet: 'The Courier', authors: [], published: null,
});

function ledger(claims: Claim[], status: string, conflicts: WalkbackExport['conflicts'] = [], eventId = 'ev-1'): WalkbackExport {
  return {
    schema: 'walkback.export/v1',
    documents: [doc('d1', 'Ardent agrees to buy Brix'), doc('d2', 'Ardent puts Brix deal on hold')],
    entities: [{ id: 'e-ardent', name: 'Ardent Foods', aliases: [], type: 'organization', roles: [], affiliation: [], side: 'ardent' }],
    statements: [],
    events: [{ id: eventId, type: 'deal', participants: [], label: 'deal: Ardent Foods – Brix Capital', place: null, time: null, status }],
    claims: claims.map((c) => ({ ...c, event: eventId })),
    conflicts,
  };
}

describe('ledgerChanges', () => {
  const agreed = claim('d1:cl1', 'd1', 'agreed', '2026-03-02', 0);
  const onHold = claim('d2:cl1', 'd2', 'postponed', '2026-03-05', 40);

  it('remembers what a first look finds without reporting it', () => {
    const { keys, changes } = ledgerChanges(ledger([agreed], 'agreed'), null);
    expect(changes).toEqual([]);
    expect([...keys.keys()]).toEqual(['claim|d1:0-10', 'event|d1:0-10']);
  });

  it('reports a status change as an alert with the claim before and the claim that moved it', () => {
    const { keys } = ledgerChanges(ledger([agreed], 'agreed'), null);
    // Rebuilt: the event has a new id, and is the same event by its first claim.
    const { changes } = ledgerChanges(ledger([agreed, onHold], 'postponed', [], 'ev-7'), keys);
    expect(changes.map((c) => [c.kind, c.alert])).toEqual([['claim', false], ['status', true]]);
    const status = changes[1]!.body as { event: { id: string; status: string; previousStatus: string }; claims: Array<{ url: string; evidence: string }>; explanation: string };
    expect(status.event).toMatchObject({ id: 'ev-7', status: 'postponed', previousStatus: 'agreed' });
    expect(status.claims.map((c) => c.url)).toEqual(['https://news.invalid/d1', 'https://news.invalid/d2']);
    expect(status.explanation).toMatch(/^deal: Ardent Foods – Brix Capital moved from agreed to postponed: Ardent Foods said on 2026-03-05 "Ardent said it was postponed"\.$/);
  });

  it('folds a status change into the conflict that caused it: one alert', () => {
    const { keys } = ledgerChanges(ledger([agreed], 'agreed'), null);
    const reversal = { id: 'k-ev-1-1', kind: 'reversal', claims: ['d1:cl1', 'd2:cl1'] as [string, string], event: 'ev-1', explanation: 'Ardent Foods said on 2026-03-02 that it was agreed, but Ardent Foods said on 2026-03-05 that it was postponed.', rule: 'r', sources: [source('d1'), source('d2')] as [ReturnType<typeof source>, ReturnType<typeof source>] };
    const { changes } = ledgerChanges(ledger([agreed, onHold], 'postponed', [reversal]), keys);
    expect(changes.filter((c) => c.alert).map((c) => c.kind)).toEqual(['conflict']);
    expect(changes.find((c) => c.kind === 'conflict')!.body).toMatchObject({ kind: 'reversal', event: { previousStatus: 'agreed', status: 'postponed' } });
    expect(changes.find((c) => c.kind === 'status')).toMatchObject({ alert: false });
  });

  it('reports nothing twice', () => {
    const first = ledgerChanges(ledger([agreed], 'agreed'), null);
    const second = ledgerChanges(ledger([agreed, onHold], 'postponed'), first.keys);
    const third = ledgerChanges(ledger([agreed, onHold], 'postponed'), new Map([...first.keys, ...second.keys]));
    expect(third.changes).toEqual([]);
  });
});
