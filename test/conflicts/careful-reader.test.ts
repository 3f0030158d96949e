/**
 * Conflicts as a careful reader lists them: invented claim sequences (who, side, when said,
 * when the change happened, status, narrated or said) and the conflicts expected. Every row
 * describes behaviour the conflict stage gained: narrated acts, channels and sideless sources,
 * answers in time, every earlier status of a side, the date of the status change, one conflict
 * per side pair and kind, recaps, questions and undated articles.
 */
import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/conflicts/index.js';
import type { Claim, Entity, Event, LedgerClaim, Status } from '../../src/core/types.js';

const entity = (id: string, name: string, side: string | null, roles: string[] = []): Entity => ({ id, name, type: 'organization', aliases: [], roles, affiliation: side ? [side] : [], side });
const entities: Entity[] = [
  entity('brix', 'Brix Capital', 'Brix Capital'),
  entity('ardent', 'Ardent Foods', 'Ardent Foods'),
  entity('lind', 'Mara Lind', 'Ardent Foods'),
  entity('norland', 'Norland', 'Norland government'),
  entity('kessel', 'Kessel', 'Kessel government'),
  entity('wire', 'Coastal Wire', 'Coastal Wire', ['news agency']),
  entity('reporter', 'Ida Fenn', null),
];
const event: Event = { id: 'ev', type: 'deal', participants: ['brix', 'ardent'], place: null, time: null, label: 'takeover', mentions: [], status: null };

/** One claim of a row: who (source, or `acts` for a narrated act), status, said (day, article) and options. */
interface Row {
  by: string;
  status: Status;
  said: string | null;
  doc?: string;
  narrated?: boolean;
  /** For a said claim: the party that acts in its clause ("Norland has granted an extension", said by Brix). */
  actor?: string;
  told?: string;
  modality?: Claim['modality'];
  text?: string;
  /** The words just before the evidence in its article ("a merger, " before "which might ..."). */
  before?: string;
}

function ledgerClaims(rows: Row[]): LedgerClaim[] {
  return rows.map((r, i) => {
    const day = r.said ? { start: r.said, end: r.said, granularity: 'day' as const, timex: r.said, implied: false } : null;
    const doc = r.doc ?? `d${i + 1}`;
    const claim: Claim = {
      id: `c${i + 1}`, eventMention: 'em', statement: null, source: null, sourceText: r.narrated ? null : r.by, status: r.status, modality: r.modality ?? 'asserted',
      evidence: { start: i * 100, end: i * 100 + (r.text?.length ?? 10), rule: 't' }, cue: null, date: day, rule: 't',
    };
    const source = r.narrated ? null : r.by;
    const lc: LedgerClaim = { id: `#${i + 1}`, doc, claim, event: 'ev', source, side: entities.find((e) => e.id === source)?.side ?? null, copyOf: null };
    if (r.narrated) lc.actor = r.by;
    if (r.actor) lc.actor = r.actor;
    if (r.told) lc.told = { start: r.told, end: r.told, granularity: 'day', timex: r.told, implied: false };
    return lc;
  });
}

/** The conflicts as [kind, earlier claim number, later claim number]. */
function conflicts(rows: Row[]): Array<[string, number, number]> {
  const claims = ledgerClaims(rows);
  // Each claim's evidence text at its offset, for recaps.
  const text = new Map<string, string>();
  claims.forEach((c, i) => {
    const before = rows[i]!.before ?? '';
    text.set(c.doc, (text.get(c.doc) ?? '').padEnd(i * 100 - before.length) + before + (rows[i]!.text ?? 'x'.repeat(10)));
  });
  return findConflicts([event], claims, entities, (c) => text.get(c.doc)).map((k) => [k.kind, Number(k.claims[0].slice(1)), Number(k.claims[1].slice(1))]);
}

describe('conflicts: as a careful reader lists them', () => {
  // A recap is the earlier claim told again (recap.ts): the later claim, read on its evidence, is in no conflict.
  it.each<[string, Row, Row]>([
    ['which had earlier rejected the bid', { by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-02' }],
    ['Brix unveiled in May its offer for Ardent', { by: 'ardent', status: 'not_agreed', said: '2031-03-01' }, { by: 'brix', status: 'agreed', said: '2031-03-02' }],
    ['in March, Lind said she would rather see a partnership', { by: 'ardent', status: 'agreed', said: '2031-03-01' }, { by: 'brix', status: 'unlikely', said: '2031-03-02' }],
    ['both Lind and Moor have pledged to stop the merger', { by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'norland', status: 'unlikely', said: '2031-03-02' }],
  ])('a recap is the earlier claim told again: "%s"', (text, earlier, later) => {
    expect(conflicts([earlier, later])).not.toEqual([]);
    expect(conflicts([earlier, { ...later, text }])).toEqual([]);
  });

  it.each<[string, Row[], Array<[string, number, number]>]>([
    [
      'a narrated act is its actor\'s: "Brix walked away", then Ardent: "Brix has no right to end the agreement"',
      [{ by: 'brix', status: 'cancelled', said: '2031-03-03', narrated: true }, { by: 'ardent', status: 'not_agreed', said: '2031-03-05' }],
      [['denial', 1, 2]],
    ],
    [
      'a news agency is a channel, not a side',
      [{ by: 'wire', status: 'agreed', said: '2031-03-01' }, { by: 'norland', status: 'not_agreed', said: '2031-03-02' }],
      [],
    ],
    [
      'a lone reporter has no side',
      [{ by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'reporter', status: 'unlikely', said: '2031-03-02' }],
      [],
    ],
    [
      'another side answers what was said lately, not a season ago',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01' }, { by: 'norland', status: 'not_agreed', said: '2031-06-01' }],
      [],
    ],
    [
      'an optimistic "close to a deal" answered by another side\'s doubt is a denial',
      [{ by: 'brix', status: 'possible', said: '2031-03-01' }, { by: 'ardent', status: 'unlikely', said: '2031-03-02' }],
      [['denial', 1, 2]],
    ],
    [
      'a side is compared with all its earlier statuses: an offer, on hold, then withdrawn is a reversal',
      [{ by: 'brix', status: 'proposed', said: '2031-03-01' }, { by: 'brix', status: 'postponed', said: '2031-03-03' }, { by: 'brix', status: 'cancelled', said: '2031-03-10' }],
      [['reversal', 1, 3]],
    ],
    [
      'a May "on hold" recapped in October stays in May, before a June plan',
      [{ by: 'norland', status: 'planned', said: '2031-06-01' }, { by: 'norland', status: 'postponed', said: '2031-10-10', told: '2031-05-05' }],
      [['reversal', 2, 1]],
    ],
    [
      'one conflict per event, side pair and kind: two officials of one side denying, twice, is one denial',
      [
        { by: 'brix', status: 'agreed', said: '2031-03-01' },
        { by: 'ardent', status: 'not_agreed', said: '2031-03-02' },
        { by: 'lind', status: 'not_agreed', said: '2031-03-03' },
        { by: 'ardent', status: 'not_agreed', said: '2031-03-04' },
      ],
      [['denial', 1, 2]],
    ],
    [
      'a claim made again after the answer, answered again, is the dispute\'s next turn: two denials',
      [
        { by: 'brix', status: 'agreed', said: '2031-03-01' },
        { by: 'ardent', status: 'not_agreed', said: '2031-03-02' },
        { by: 'brix', status: 'agreed', said: '2031-03-04' },
        { by: 'lind', status: 'not_agreed', said: '2031-03-06' },
      ],
      [['denial', 1, 2], ['denial', 3, 4]],
    ],
    [
      'a question asserts nothing',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-02', modality: 'questioned' }],
      [],
    ],
    [
      '"neither confirm nor deny" is no denial',
      [{ by: 'brix', status: 'held', said: '2031-03-01' }, { by: 'ardent', status: 'not_held', said: '2031-03-02', text: 'it could neither confirm nor deny that the talks took place' }],
      [],
    ],
    [
      'pressing on against a veto answers it only from a party to the deal',
      [{ by: 'norland', status: 'cancelled', said: '2031-03-01', narrated: true }, { by: 'kessel', status: 'planned', said: '2031-03-02' }, { by: 'brix', status: 'planned', said: '2031-03-03' }],
      [['denial', 1, 3]],
    ],
    [
      'a party\'s proposal told as pressing on answers a veto: "we will continue discussions to win approval"',
      [{ by: 'norland', status: 'unlikely', said: '2031-03-01' }, { by: 'brix', status: 'proposed', said: '2031-03-02', text: 'it would continue discussions with the government' }],
      [['denial', 1, 2]],
    ],
    [
      'so does "we will pursue all legal options"',
      [{ by: 'norland', status: 'unlikely', said: '2031-03-01' }, { by: 'brix', status: 'proposed', said: '2031-03-02', text: 'we will pursue all legal options to close the sale' }],
      [['denial', 1, 2]],
    ],
    [
      'a mere willingness after a veto is no answer to it',
      [{ by: 'norland', status: 'unlikely', said: '2031-03-01' }, { by: 'brix', status: 'proposed', said: '2031-03-02', text: 'it was prepared to negotiate' }],
      [],
    ],
    [
      'a weaker word the same day is a hedge, not a walk-back',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01', doc: 'd1' }, { by: 'brix', status: 'proposed', said: '2031-03-01', doc: 'd1' }],
      [],
    ],
    [
      'a weaker word days after a firm claim nobody disputed is a hedge: "although it does not know the outcome"',
      [{ by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'brix', status: 'possible', said: '2031-03-05' }],
      [],
    ],
    [
      'in one article, an agreement it places months back is the story so far, not what a fresh objection answers',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01', doc: 'd1', told: '2030-12-05' }, { by: 'norland', status: 'unlikely', said: '2031-03-01', doc: 'd1' }],
      [],
    ],
    [
      'in one article, a fresh objection answers an agreement of the same days',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01', doc: 'd1', told: '2031-02-27' }, { by: 'norland', status: 'unlikely', said: '2031-03-01', doc: 'd1' }],
      [['denial', 1, 2]],
    ],
    [
      'a doubt beside its side\'s own turn in one article hedges the turn: one reversal, no walk-back',
      [
        { by: 'norland', status: 'unlikely', said: '2031-03-01' },
        { by: 'norland', status: 'planned', said: '2031-03-05', doc: 'd9' },
        { by: 'norland', status: 'possible', said: '2031-03-05', doc: 'd9', text: 'though she cannot say how it will end' },
      ],
      [['reversal', 1, 2]],
    ],
    [
      'without the turn, the doubt is a walk-back from the opposition',
      [{ by: 'norland', status: 'unlikely', said: '2031-03-01' }, { by: 'norland', status: 'possible', said: '2031-03-05' }],
      [['walk_back', 1, 2]],
    ],
    [
      'a stop a side reports of a third side is news of that side\'s act, not its own change of course: "the regulator has granted an extension"',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01' }, { by: 'brix', status: 'postponed', said: '2031-04-01', actor: 'norland' }, { by: 'brix', status: 'planned', said: '2031-05-01' }],
      [],
    ],
    [
      'a stop a side announces of its own is a change of course',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01' }, { by: 'brix', status: 'postponed', said: '2031-04-01', actor: 'brix' }],
      [['reversal', 1, 2]],
    ],
    [
      'a party\'s refusal a side reports turns back that side\'s own word: "Ardent avoids the deal"',
      [{ by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'brix', status: 'unlikely', said: '2031-04-01', actor: 'ardent' }],
      [['reversal', 1, 2]],
    ],
    [
      'a writer\'s aside on a side\'s statement is no retreat of that side: "talks on a merger, which might later take in a third firm"',
      [{ by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-02' }, { by: 'brix', status: 'possible', said: '2031-03-10', before: 'talks on a merger, ', text: 'which might later take in a third firm' }],
      [['denial', 1, 2]],
    ],
    [
      'the same words said in the side\'s own clause are a walk-back',
      [{ by: 'brix', status: 'planned', said: '2031-03-01' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-02' }, { by: 'brix', status: 'possible', said: '2031-03-10', before: 'talks on a merger that ', text: 'might later take in a third firm' }],
      [['denial', 1, 2], ['walk_back', 1, 3]],
    ],
    [
      'two articles of one day do not tell which word came first: a softer word told elsewhere that day is no walk-back',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01', doc: 'd1' }, { by: 'brix', status: 'possible', said: '2031-03-01', doc: 'd2' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-01', doc: 'd3' }],
      [['denial', 2, 3]],
    ],
    [
      'said the next day, after the other side\'s denial, the softer word is a walk-back',
      [{ by: 'brix', status: 'agreed', said: '2031-03-01', doc: 'd1' }, { by: 'brix', status: 'possible', said: '2031-03-02', doc: 'd2' }, { by: 'ardent', status: 'not_agreed', said: '2031-03-01', doc: 'd3' }],
      [['denial', 1, 3], ['walk_back', 1, 2]],
    ],
    [
      'claims of undated articles are compared within their article only',
      [{ by: 'brix', status: 'agreed', said: null }, { by: 'ardent', status: 'not_agreed', said: null }],
      [],
    ],
    [
      'a stop and a plan told the same day read plan first: "was to close the deal ... now sees no reason to"',
      [{ by: 'brix', status: 'unlikely', said: '2031-03-01', doc: 'd1' }, { by: 'brix', status: 'planned', said: '2031-03-01', doc: 'd1' }],
      [['reversal', 2, 1]],
    ],
  ])('%s', (_what, rows, expected) => {
    expect(conflicts(rows)).toEqual(expected);
  });
});
