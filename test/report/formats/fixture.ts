/** A small hand-made ledger over two invented articles, shared by the report format tests. */
import { createDoc, emptyMeta } from '../../../src/core/doc.js';
import type { Claim, Doc, Ledger, LedgerClaim, Statement, Status, Modality, TimeValue } from '../../../src/core/types.js';

const T1 = [
  'Harbor lease agreed, says Norland minister',
  'Published Oct. 3, 2024',
  'The lease is done and signed, Transport Minister Aldo Brenn said on Thursday. He added that the first ships could dock by spring.',
  'A Veloria official, speaking on condition of anonymity, said a phone call between the two leaders took place on Tuesday.',
].join('\n');

const T2 = [
  'Veloria says no harbor deal was reached',
  'Published Oct. 5, 2024',
  'No agreement was ever reached on the lease, Veloria spokeswoman Ines Varga said on Saturday. "We are still talking," she said.',
  'Talks could resume next month, she added.',
].join('\n');

const day = (d: string): TimeValue => ({ start: d, end: d, granularity: 'day', timex: d, implied: false });

/** The span of `needle` in `text` (first occurrence), failing loudly if it is missing. */
export function at(text: string, needle: string): { start: number; end: number; rule: string } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: '${needle}' not in text`);
  return { start, end: start + needle.length, rule: 'test/fixture' };
}

function sentences(doc: Doc): void {
  for (const m of doc.text.matchAll(/[^\n.!?]+[.!?]+"?/g)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    doc.sentences.push({ start, end: m.index + m[0].length, paragraph: doc.text.slice(0, start).split('\n').length - 1 });
  }
}

function statement(doc: Doc, id: string, whole: string, content: string, speaker: string, date: TimeValue | null): Statement {
  return {
    id,
    span: at(doc.text, whole),
    content: at(doc.text, content),
    cue: at(doc.text, 'said'),
    kind: 'indirect',
    speaker: { span: at(doc.text, speaker), text: speaker, mention: null, local: null },
    addressee: null,
    channel: null,
    date,
    rule: 'test/fixture',
  };
}

function claim(doc: Doc, id: string, evidence: string, status: Status, o: { statement?: string; sourceText?: string; date?: TimeValue | null; modality?: Modality; event?: string } = {}): Claim {
  return {
    id,
    eventMention: o.event ?? 'm1',
    statement: o.statement ?? null,
    source: null,
    sourceText: o.sourceText ?? null,
    status,
    modality: o.modality ?? 'asserted',
    evidence: at(doc.text, evidence),
    cue: null,
    date: o.date ?? null,
    rule: 'test/fixture',
  };
}

export function fixture(): { docs: Doc[]; ledger: Ledger } {
  const d1 = createDoc({ id: 'd1', source: 'examples/01-coastal.txt', rawHash: 'a'.repeat(64), text: T1, meta: { ...emptyMeta('txt'), title: 'Harbor lease agreed, says Norland minister', outlet: 'Coastal Ledger', published: { date: '2024-10-03', source: 'header', raw: 'Oct. 3, 2024' } } });
  const d2 = createDoc({ id: 'd2', source: 'examples/02-northline.txt', rawHash: 'b'.repeat(64), text: T2, meta: { ...emptyMeta('txt'), title: 'Veloria says no harbor deal was reached', published: { date: '2024-10-05', source: 'header', raw: 'Oct. 5, 2024' } } });
  // A third document with no date at all: its claims sort last.
  const d3 = createDoc({ id: 'd3', source: 'feed.jsonl:7', rawHash: 'c'.repeat(64), text: 'The lease talks are postponed, a harbor official said.', meta: emptyMeta('txt') });
  for (const d of [d1, d2, d3]) sentences(d);

  d1.statements.push(
    statement(d1, 's1', 'The lease is done and signed, Transport Minister Aldo Brenn said on Thursday.', 'The lease is done and signed', 'Transport Minister Aldo Brenn', day('2024-10-03')),
    statement(d1, 's2', 'A Veloria official, speaking on condition of anonymity, said a phone call between the two leaders took place on Tuesday.', 'a phone call between the two leaders took place on Tuesday', 'A Veloria official', day('2024-10-03')),
  );
  d2.statements.push(
    statement(d2, 's1', 'No agreement was ever reached on the lease, Veloria spokeswoman Ines Varga said on Saturday.', 'No agreement was ever reached on the lease', 'Veloria spokeswoman Ines Varga', day('2024-10-05')),
    statement(d2, 's2', 'Talks could resume next month, she added.', 'Talks could resume next month', 'she', day('2024-10-05')),
  );

  const c1 = claim(d1, 'c1', 'The lease is done and signed', 'agreed', { statement: 's1', date: day('2024-10-03') });
  const c2 = claim(d1, 'c2', 'a phone call between the two leaders took place', 'held', { statement: 's2', sourceText: 'A Veloria official', date: day('2024-10-03'), event: 'm2' });
  const c3 = claim(d2, 'c1', 'No agreement was ever reached', 'not_agreed', { statement: 's1', date: day('2024-10-05') });
  // No claim date: falls back to the published date (2024-10-05).
  const c4 = claim(d2, 'c2', 'Talks could resume next month', 'possible', { modality: 'hedged' });
  // No claim date and no published date: unknown, last.
  const c5 = claim(d3, 'c1', 'The lease talks are postponed', 'postponed', { sourceText: 'a harbor official' });
  // The call was mentioned as held a week earlier (by the article itself).
  const c6 = claim(d1, 'c3', 'the two leaders', 'planned', { date: { start: '2024-09-23', end: '2024-09-29', granularity: 'week', timex: '2024-W39', implied: false }, event: 'm2' });

  const lc = (id: string, doc: string, c: Claim, event: string, source: string | null, side: string | null): LedgerClaim => ({ id, doc, claim: c, event, source, side, copyOf: null });
  const claims: LedgerClaim[] = [
    // Deliberately out of date order: the report orders them.
    lc('d3:c1', 'd3', c5, 'e1', null, null),
    lc('d2:c2', 'd2', c4, 'e1', 'n2', 'n3'),
    lc('d2:c1', 'd2', c3, 'e1', 'n2', 'n3'),
    lc('d1:c1', 'd1', c1, 'e1', 'n1', 'n4'),
    lc('d1:c2', 'd1', c2, 'e2', null, 'n3'),
    lc('d1:c3', 'd1', c6, 'e2', null, null),
  ];

  const ledger: Ledger = {
    entities: [
      { id: 'n1', name: 'Aldo Brenn', type: 'person', aliases: ['Brenn'], roles: ['transport minister'], affiliation: ['Norland government'], side: 'n4' },
      { id: 'n2', name: 'Ines Varga', type: 'person', aliases: ['Varga'], roles: ['spokeswoman'], affiliation: ['Veloria government'], side: 'n3' },
      { id: 'n3', name: 'Veloria government', type: 'organization', aliases: ['Veloria'], roles: [], affiliation: [], side: 'n3' },
      { id: 'n4', name: 'Norland government', type: 'organization', aliases: ['Norland'], roles: [], affiliation: [], side: 'n4' },
    ],
    entityOf: new Map([
      ['d1', new Map()],
      ['d2', new Map()],
    ]),
    events: [
      // Listed oldest-activity first, and one with no claims: the report reorders them.
      { id: 'e3', type: 'visit', participants: ['n1'], place: 'Port Halden', time: null, label: 'Brenn visit to Port Halden', mentions: [], status: null },
      { id: 'e2', type: 'call', participants: ['n3', 'n4'], place: null, time: null, label: 'Norland–Veloria leaders call', mentions: [['d1', 'm2']], status: 'held' },
      { id: 'e1', type: 'deal', participants: ['n4', 'n3'], place: 'Port Halden', time: null, label: 'Port Halden harbor lease', mentions: [['d1', 'm1'], ['d2', 'm1'], ['d3', 'm1']], status: 'not_agreed' },
    ],
    claims,
    conflicts: [
      {
        id: 'k1',
        kind: 'denial',
        claims: ['d1:c1', 'd2:c1'],
        event: 'e1',
        explanation: 'Ines Varga (Veloria government) on 2024-10-05 says not_agreed, rejecting Aldo Brenn (Norland government) on 2024-10-03 saying agreed.',
        rule: 'conflicts/denial',
      },
    ],
  };
  return { docs: [d1, d2, d3], ledger };
}
