/**
 * Events are identified by their parties, and a mention that names fewer than two is completed
 * from the story, not dropped (events/cluster.ts, refiners/drop-unanchored.ts). Each row is an
 * invented story of one to three articles; the expectation is the ledger's events with the
 * statuses placed on them.
 */
import { describe, expect, it } from 'vitest';
import { makeDoc, type FixtureEntity, type FixtureStatement } from './fixture.js';
import { people } from './people.js';
import { extractEvents, clusterEvents } from '../../src/events/index.js';
import { annotateTime } from '../../src/time/index.js';
import type { Canonical } from '../../src/entities/index.js';
import type { Doc, EntityType } from '../../src/core/types.js';

const entities: Record<string, FixtureEntity> = {
  ...people,
  Vestria: { type: 'place' },
  'Norland government': { type: 'organization' },
  'Vestria government': { type: 'organization' },
  'Vestrian officials': { type: 'group' },
};
/** Venn and Marr speak for Norland, Sol and Reede for Vestria; the companies for themselves. */
const side: Record<string, string> = {
  'Arlo Venn': 'Norland government', 'Ilse Marr': 'Norland government', Norland: 'Norland government', 'Norland government': 'Norland government',
  'Mira Sol': 'Vestria government', 'Tomas Reede': 'Vestria government', Vestria: 'Vestria government', 'Vestria government': 'Vestria government',
  'Vestrian officials': 'Vestria government',
};

interface Article {
  text: string;
  published: string | null;
  statements?: FixtureStatement[];
}

function ledger(articles: Article[]): Array<[string, string, string[]]> {
  const docs: Doc[] = articles.map((a, i) => {
    const d = makeDoc(a.text, { id: `d${i + 1}`, entities, statements: a.statements, published: a.published });
    annotateTime(d);
    extractEvents(d);
    return d;
  });
  const canon: Canonical = {
    entities: Object.entries(entities).map(([name, e]) => ({ id: name, name, type: (e.type ?? 'person') as EntityType, aliases: [], roles: [], affiliation: [], side: side[name] ?? name })),
    entityOf: new Map(docs.map((d) => [d.id, new Map(d.locals.map((l) => [l.id, l.id]))])),
  };
  const r = clusterEvents(docs, canon);
  return r.events
    .map((e): [string, string, string[]] => [e.type, e.participants.join('+'), r.claims.filter((c) => c.event === e.id).map((c) => `${c.doc}:${c.claim.status}`)])
    .filter(([, , claims]) => claims.length > 0);
}

describe('events: a mention naming fewer than two parties is completed from the story', () => {
  it.each<[string, Article[], Array<[string, string, string[]]>]>([
    [
      '"the takeover" with nobody named joins the story\'s takeover',
      [
        { text: 'Quill Motors agreed to buy Brenner Works.', published: '2031-03-01' },
        { text: 'Regulators blocked the takeover on Friday.', published: '2031-03-09' },
      ],
      [['deal', 'Brenner Works+Quill Motors', ['d1:agreed', 'd2:cancelled']]],
    ],
    [
      'one party named: the event of its type that includes it',
      [
        { text: 'Quill Motors agreed to buy Brenner Works.', published: '2031-03-01' },
        { text: 'The sale of Brenner Works was approved by the board.', published: '2031-03-04' },
      ],
      [['deal', 'Brenner Works+Quill Motors', ['d1:agreed', 'd2:agreed']]],
    ],
    [
      'whoever blocks a transaction acts on it and takes no part in it',
      [{ text: "Venn vowed to block Quill Motors' bid for Brenner Works.", published: '2031-03-01' }],
      [['deal', 'Brenner Works+Quill Motors', ['d1:unlikely']]],
    ],
    [
      'a deal lasts until it is closed: months without coverage do not split it',
      [
        { text: 'Quill Motors agreed to buy Brenner Works.', published: '2031-01-10' },
        { text: 'The takeover of Brenner Works by Quill Motors was approved by regulators.', published: '2031-06-20' },
      ],
      [['deal', 'Brenner Works+Quill Motors', ['d1:agreed', 'd2:agreed']]],
    ],
    [
      'a deal two officials strike is their countries\' deal',
      [{ text: 'Venn and Sol signed a deal on Sunday.', published: '2031-03-01' }],
      [['deal', 'Norland+Vestria', ['d1:agreed']]],
    ],
    [
      'one side each, one place, a few days apart: one meeting of both',
      [
        { text: 'Venn had a long meeting in Kelmar on Monday.', published: '2031-03-03' },
        { text: 'Sol praised the talks in Kelmar.', published: '2031-03-04' },
      ],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:held']]],
    ],
    [
      'talks between two countries are the meeting of their people the article names',
      [{ text: "Norland's government and Vestria's government said talks between Norland and Vestria were held on Monday. Venn met Sol for three hours.", published: '2031-03-03' }],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:held', 'd1:held']]],
    ],
    [
      'a group named for its nation stands for its country, and so for the people the article says meet',
      [{ text: 'Vestrian officials expressed their desire to meet with Venn. Venn plans to meet Sol in June.', published: '2031-03-03' }],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:planned', 'd1:proposed']]],
    ],
    [
      'a meeting of the morning is not the summit of June that its article announces: one event each',
      [{ text: 'Venn will meet Sol in Kelmar on June 20. Reede said they had a meeting this morning.', published: '2031-03-03', statements: [{ content: 'they had a meeting this morning', speaker: 'Tomas Reede' }] }],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:planned']], ['meeting', 'Arlo Venn+Mira Sol', ['d1:held']]],
    ],
    [
      'talks denied in April are not the talks held two weeks later: two events',
      [
        { text: 'Venn said there had been no talks between Venn and Sol.', published: '2031-04-24', statements: [{ content: 'there had been no talks between Venn and Sol', speaker: 'Arlo Venn', date: '2031-04-24' }] },
        { text: 'Venn held talks with Sol on Sunday.', published: '2031-05-11' },
      ],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:not_held']], ['meeting', 'Arlo Venn+Mira Sol', ['d2:held']]],
    ],
    [
      'talks denied and then said held within days are one event (a correction)',
      [
        { text: 'Venn said there had been no talks between Venn and Sol.', published: '2031-04-24', statements: [{ content: 'there had been no talks between Venn and Sol', speaker: 'Arlo Venn', date: '2031-04-24' }] },
        { text: 'Venn held talks with Sol last week.', published: '2031-04-27' },
      ],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:not_held', 'd2:held']]],
    ],
    [
      'named by its place alone, a call-off is not of the meeting already held there',
      [
        { text: 'Reede plans to meet Marr in Kelmar.', published: '2031-03-01' },
        { text: 'Venn met Sol in Kelmar on Monday.', published: '2031-03-05' },
        { text: 'The talks in Kelmar were called off.', published: '2031-03-10' },
      ],
      [
        ['meeting', 'Ilse Marr+Tomas Reede', ['d1:planned', 'd3:cancelled']],
        ['meeting', 'Arlo Venn+Mira Sol', ['d2:held']],
      ],
    ],
    [
      'an undated article joins the most recent compatible event',
      [
        { text: 'Venn will meet Sol in June.', published: '2031-03-01' },
        { text: 'The summit between Venn and Sol was postponed.', published: null },
      ],
      [['meeting', 'Arlo Venn+Mira Sol', ['d1:planned', 'd2:postponed']]],
    ],
    [
      'a date in a clause that stops the event dates the change, not the event',
      [
        { text: 'Quill Motors plans to buy Brenner Works in June.', published: '2031-01-10' },
        { text: 'In March, Quill Motors scrapped its bid for Brenner Works.', published: '2031-05-20' },
      ],
      [['deal', 'Brenner Works+Quill Motors', ['d1:planned', 'd2:cancelled']]],
    ],
  ])('%s', (_name, articles, want) => {
    expect(ledger(articles)).toEqual(want);
  });
});

describe('events: a deal blocked by others is revived by its parties', () => {
  it('one deal through a block, a new place and a new date, until it is completed', () => {
    const r = ledger([
      { text: 'Quill Motors agreed to buy Brenner Works.', published: '2031-01-10' },
      { text: 'Venn blocked the takeover of Brenner Works by Quill Motors.', published: '2031-03-01' },
      { text: 'Quill Motors said its takeover of Brenner Works in Kelmar is expected to close in June.', published: '2031-05-20' },
    ]);
    expect(r).toEqual([['deal', 'Brenner Works+Quill Motors', ['d1:agreed', 'd2:cancelled', 'd3:planned']]]);
  });
});

describe('events: a truce its article names as a deal, and the answers to it', () => {
  it('"the temporary ceasefire" after "their tariff truce" is that deal; "nothing is agreed" answers it', () => {
    const r = ledger([
      { text: 'Norland and Vestria agreed to a 90-day tariff truce.', published: '2031-05-12' },
      {
        text: 'Their tariff truce expires soon. Marr said both sides had committed to preserving the temporary ceasefire. "Nothing is agreed until we speak with Venn," Sol said.',
        published: '2031-07-29',
        statements: [
          { content: 'both sides had committed to preserving the temporary ceasefire', speaker: 'Ilse Marr' },
          { content: 'Nothing is agreed until we speak with Venn', speaker: 'Mira Sol' },
        ],
      },
    ]);
    expect(r).toEqual([['deal', 'Norland+Vestria', ['d1:agreed', 'd2:agreed', 'd2:not_agreed']]]);
  });
});

describe('events: talks between states are held by the delegations the story says led them', () => {
  it.each<[string, Article[], Array<[string, string, string[]]>]>([
    [
      'talks named by their countries are a meeting of the heads of delegation',
      [{ text: 'Marr led the Norland delegation and Reede headed his country\'s team. Norland and Vestria held two days of talks in Kelmar.', published: '2031-04-02' }],
      [['meeting', 'Ilse Marr+Tomas Reede', ['d1:held']]],
    ],
    [
      'a later round, named by no one, finds the heads the story named before it',
      [
        { text: 'Marr, who led the Norland delegation, and Reede, who headed Vestria\'s team, began work on Monday.', published: '2031-04-02' },
        { text: 'Officials concluded two days of talks in Lake Brill on Tuesday.', published: '2031-05-10' },
      ],
      [['meeting', 'Ilse Marr+Tomas Reede', ['d2:held']]],
    ],
    [
      'people the story names in talks between their countries head those talks that week',
      [
        { text: 'Marr held talks with Reede on Monday.', published: '2031-04-02' },
        { text: 'Norland and Vestria said their talks had been productive.', published: '2031-04-04' },
      ],
      [['meeting', 'Ilse Marr+Tomas Reede', ['d1:held', 'd2:held']]],
    ],
  ])('%s', (_name, articles, want) => {
    expect(ledger(articles)).toEqual(want);
  });
});
