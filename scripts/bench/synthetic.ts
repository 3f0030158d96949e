/**
 * A synthetic news corpus for benchmarks: deterministic articles of about 700 words about
 * invented diplomatic stories (meetings, calls, deals, ceasefires, sanctions, visits), with a
 * title line, a date line, direct and indirect speech under many reporting verbs, anonymous
 * sources, spokespeople, dates in news form and status cues, so that every pipeline stage
 * (segmentation, attribution, time, events, entities, conflicts) has real work to do.
 * All names, places and organizations are made up.
 *
 *   import { generateCorpus } from './synthetic.js';
 *   for (const { name, text } of generateCorpus(10_000, 42)) ...
 */
import { EVENT_TYPES, type BuiltinEventType } from '../../src/core/vocabulary.js';

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  name: string;
  text: string;
}

// ---------------------------------------------------------------- word lists

const FIRST_F = ['Lena', 'Ines', 'Marta', 'Oriana', 'Tova', 'Ilse', 'Petra', 'Sabine', 'Noor', 'Elin', 'Dagny', 'Vera', 'Renata', 'Corin', 'Ada', 'Mirela', 'Katrin', 'Yara', 'Solveig', 'Hanne'];
const FIRST_M = ['Aldo', 'Tomas', 'Henrik', 'Oskar', 'Matteo', 'Ruben', 'Anselm', 'Dario', 'Emil', 'Jasper', 'Kasimir', 'Lucan', 'Nils', 'Piet', 'Rafe', 'Stellan', 'Teodor', 'Viktor', 'Bastian', 'Goran'];
const LAST = ['Brenn', 'Varga', 'Marsh', 'Quell', 'Ostrander', 'Halloway', 'Denk', 'Ferrow', 'Lindqvist', 'Castellan', 'Moravec', 'Pell', 'Sorensen', 'Tarkington', 'Vasko', 'Wendel', 'Achterberg', 'Blom', 'Crane', 'Drummel', 'Eskild', 'Fairlie', 'Grell', 'Haskett', 'Ivanko', 'Jessop', 'Kettering', 'Lomax', 'Merrow', 'Nyberg'];

interface Country { name: string; adj: string; capital: string; ministry: string }
const COUNTRIES: Country[] = [
  { name: 'Norland', adj: 'Norlandic', capital: 'Halvik', ministry: 'Norlandic Foreign Ministry' },
  { name: 'Veloria', adj: 'Velorian', capital: 'Sant Aurel', ministry: 'Velorian Foreign Ministry' },
  { name: 'Karst', adj: 'Karstian', capital: 'Dremmen', ministry: 'Karstian Foreign Ministry' },
  { name: 'Meridia', adj: 'Meridian', capital: 'Port Lucca', ministry: 'Meridian Foreign Ministry' },
  { name: 'Tesselia', adj: 'Tesselian', capital: 'Orvieto Nuova', ministry: 'Tesselian Foreign Ministry' },
  { name: 'Aurenia', adj: 'Aurenian', capital: 'Kellsbridge', ministry: 'Aurenian Foreign Ministry' },
  { name: 'Brask', adj: 'Braskan', capital: 'Uldholm', ministry: 'Braskan Foreign Ministry' },
  { name: 'Solvania', adj: 'Solvanian', capital: 'Mirov', ministry: 'Solvanian Foreign Ministry' },
  { name: 'Dremont', adj: 'Dremontese', capital: 'Valcourt', ministry: 'Dremontese Foreign Ministry' },
  { name: 'Calvory', adj: 'Calvorian', capital: 'Estermark', ministry: 'Calvorian Foreign Ministry' },
];
const VENUES = ['Lisk', 'Varno', 'Port Halden', 'Grevesund', 'Lake Amaro', 'Kestrel Island', 'Barrow Point', 'Tamsin Bay'];
const OUTLETS = ['The Harbor Courier', 'Northline Post', 'Meridian Daily Wire', 'The Evening Ledger', 'Capital Dispatch', 'Coastal Herald', 'Continental Review', 'The Morning Signal'];
const AGENCIES = ['Lantern Press', 'Northwire', 'Eurasia Photo Agency', 'Dispatch Images'];
const TOPICS = ['port access', 'fishing rights', 'grain corridor', 'border crossing', 'pipeline transit', 'prisoner exchange'];
const REGIONS = ['northern', 'eastern', 'river', 'mountain', 'coastal'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const NUMBERS = ['two', 'three', 'four', 'five', 'ten'];

// ---------------------------------------------------------------- helpers

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const cap = (s: string): string => {
  const i = s.search(/[A-Za-z]/);
  return i < 0 ? s : s.slice(0, i) + s[i]!.toUpperCase() + s.slice(i + 1);
};
const countWords = (s: string): number => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

interface Person {
  first: string;
  last: string;
  name: string;
  /** Title before the name: 'Foreign Minister'. */
  title: string;
  /** The role after the name: 'the Velorian foreign minister'. */
  role: string;
  pronoun: 'he' | 'she';
  country: Country;
  /** Mentioned once already: later mentions use the last name or the pronoun. */
  seen: boolean;
}

function person(rng: Rng, country: Country, title: string, used: Set<string>): Person {
  let first = '';
  let last = '';
  let female = false;
  do {
    female = chance(rng, 0.5);
    first = pick(rng, female ? FIRST_F : FIRST_M);
    last = pick(rng, LAST);
  } while (used.has(last));
  used.add(last);
  return { first, last, name: `${first} ${last}`, title, role: `the ${country.adj} ${title.toLowerCase()}`, pronoun: female ? 'she' : 'he', country, seen: false };
}

/** Every built-in type with a story to tell ('other' has no phrasing of its own). */
type EvType = Exclude<BuiltinEventType, 'other'>;
const EV_TYPES: readonly EvType[] = EVENT_TYPES.filter((t): t is EvType => t !== 'other');

interface Story {
  a: Country;
  b: Country;
  leaderA: Person;
  leaderB: Person;
  ministerA: Person;
  deputyA: Person;
  spokesB: Person;
  spokesA: Person;
  envoy: Person;
  type: EvType;
  venue: string;
  topic: string;
  region: string;
  /** Publication date. */
  pub: Date;
}

const SIDE_TITLES = { leader: ['President', 'Prime Minister', 'Chancellor'], minister: ['Foreign Minister', 'Trade Minister', 'Defense Minister'], deputy: ['Deputy Foreign Minister', 'Deputy Prime Minister'] };

function makeStory(rng: Rng, i: number): Story {
  const a = pick(rng, COUNTRIES);
  let b = pick(rng, COUNTRIES);
  while (b === a) b = pick(rng, COUNTRIES);
  const used = new Set<string>();
  const spokesA = person(rng, a, 'Spokesperson', used);
  spokesA.title = spokesA.pronoun === 'she' ? 'Spokeswoman' : 'Spokesman';
  spokesA.role = `a spokes${spokesA.pronoun === 'she' ? 'woman' : 'man'} for the ${a.ministry}`;
  const spokesB = person(rng, b, 'Spokesperson', used);
  spokesB.title = spokesB.pronoun === 'she' ? 'Spokeswoman' : 'Spokesman';
  spokesB.role = `a spokes${spokesB.pronoun === 'she' ? 'woman' : 'man'} for the ${b.ministry}`;
  const envoyCountry = pick(rng, COUNTRIES.filter((c) => c !== a && c !== b));
  const envoy = person(rng, envoyCountry, 'Special Envoy', used);
  envoy.role = `the ${envoyCountry.adj} special envoy`;
  const day = Math.floor(rng() * 900);
  return {
    a,
    b,
    leaderA: person(rng, a, pick(rng, SIDE_TITLES.leader), used),
    leaderB: person(rng, b, pick(rng, SIDE_TITLES.leader), used),
    ministerA: person(rng, a, pick(rng, SIDE_TITLES.minister), used),
    deputyA: person(rng, a, pick(rng, SIDE_TITLES.deputy), used),
    spokesA,
    spokesB,
    envoy,
    type: EV_TYPES[(i + Math.floor(rng() * EV_TYPES.length)) % EV_TYPES.length]!,
    venue: pick(rng, VENUES),
    topic: pick(rng, TOPICS),
    region: pick(rng, REGIONS),
    pub: new Date(Date.UTC(2023, 0, 2 + day)),
  };
}

// ---------------------------------------------------------------- phrases

/** A speaker reference: full name with title on first mention, then last name or pronoun. */
function speaker(rng: Rng, p: Person, allowPronoun = true): string {
  if (!p.seen) {
    p.seen = true;
    return chance(rng, 0.6) ? `${p.country.adj} ${p.title} ${p.name}` : `${p.name}, ${p.role},`;
  }
  const r = rng();
  if (allowPronoun && r < 0.25) return p.pronoun;
  if (r < 0.8) return p.last;
  return `the ${p.title.toLowerCase()}`;
}

/** A person inside a phrase: title and full name the first time, the last name after. */
function ref(p: Person): string {
  if (p.seen) return p.last;
  p.seen = true;
  return `${p.country.adj} ${p.title} ${p.name}`;
}

function anonymous(rng: Rng, s: Story): string {
  return pick(rng, [
    `a senior ${s.a.adj} official`,
    `a ${s.b.adj} diplomat who asked not to be named`,
    'two people briefed on the talks',
    `an official familiar with the negotiations, speaking on condition of anonymity,`,
    `a person close to the ${s.b.adj} delegation`,
    `officials in ${s.a.capital}`,
  ]);
}

function eventNoun(rng: Rng, s: Story): string {
  switch (s.type) {
    case 'meeting': return pick(rng, [`a meeting between ${ref(s.leaderA)} and ${ref(s.leaderB)}`, `the summit in ${s.venue}`, 'the planned summit', `a face-to-face meeting in ${s.venue}`]);
    case 'call': return pick(rng, ['a phone call between the two leaders', `the call between ${ref(s.leaderA)} and ${ref(s.leaderB)}`, 'a telephone conversation between the leaders']);
    case 'deal': return pick(rng, [`the ${s.topic} deal`, `an agreement on ${s.topic}`, `the ${s.topic} accord between ${s.a.name} and ${s.b.name}`]);
    case 'ceasefire': return pick(rng, [`a ceasefire along the ${s.region} border`, 'the truce', `a halt to fighting in the ${s.region} districts`]);
    case 'sanctions': return pick(rng, [`new sanctions on ${s.b.name}`, `the sanctions package against ${s.b.adj} banks`, `penalties on ${s.b.adj} exporters`]);
    case 'visit': return pick(rng, [`${ref(s.leaderA)}'s visit to ${s.b.capital}`, `a state visit to ${s.b.capital}`, `the trip to ${s.b.capital}`]);
  }
}

function dayWord(rng: Rng): string {
  return pick(rng, ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday', 'last week', 'earlier this week', 'yesterday', 'late on Tuesday', 'over the weekend']);
}

/** A future time as an adverbial: 'within two weeks', 'on May 6', 'next month'. */
function futureWhen(rng: Rng, s: Story): string {
  if (chance(rng, 0.5)) return pick(rng, ['within two weeks', 'in the coming days', `within ${pick(rng, NUMBERS)} weeks`, 'as early as next week', 'before the end of the year']);
  const f = futureFor(rng, s);
  return /^(next|the end)/.test(f) ? (f.startsWith('the') ? `by ${f}` : f) : /^[A-Z][a-z]+ \d/.test(f) || WEEKDAYS.includes(f) ? `on ${f}` : `in ${f}`;
}

/** A future time as a noun, after 'for', 'until', 'to': 'May 6', 'next week', 'June'. */
function futureFor(rng: Rng, s: Story): string {
  const m = s.pub.getUTCMonth();
  return pick(rng, ['next week', 'next month', `${MONTHS[(m + 1) % 12]} ${1 + Math.floor(rng() * 27)}`, MONTHS[(m + 2) % 12]!, `the end of ${MONTHS[m]}`, pick(rng, WEEKDAYS)]);
}

function pastWhen(rng: Rng, s: Story): string {
  const m = s.pub.getUTCMonth();
  return pick(rng, [dayWord(rng), `on ${MONTH_ABBR[m]} ${1 + Math.floor(rng() * Math.max(1, s.pub.getUTCDate() - 1))}`, 'earlier this month', `in ${MONTHS[(m + 11) % 12]}`, 'two days ago']);
}

const VERBS_SAID = ['said', 'told reporters', 'added', 'insisted', 'claimed', 'stressed', 'noted', 'confirmed', 'acknowledged', 'maintained', 'argued', 'wrote in a post', 'told a news conference'];
const VERBS_THAT = ['said', 'told reporters', 'insisted', 'claimed', 'stressed', 'confirmed', 'acknowledged', 'announced', 'signaled', 'suggested', 'maintained', 'warned'];

/** A reported clause (no final period) carrying one status of the story's event. */
function statusClause(rng: Rng, s: Story, status: string): string {
  const ev = eventNoun(rng, s);
  const when = futureWhen(rng, s);
  switch (status) {
    case 'agreed': return pick(rng, [`the two sides had agreed to ${s.type === 'deal' ? `sign ${ev}` : `go ahead with ${ev}`} ${when}`, `${ev} had been agreed in principle`, `${s.a.name} and ${s.b.name} reached an agreement on ${ev}`, `both governments had signed off on ${ev}`]);
    case 'planned': return pick(rng, [`${ev} was scheduled for ${futureFor(rng, s)}`, `${ev} would take place ${when}`, `preparations for ${ev} were under way`, `${ev} was planned for ${futureFor(rng, s)} in ${s.venue}`]);
    case 'cancelled': return pick(rng, [`${ev} had been called off`, `plans for ${ev} were scrapped`, `${ev} would not go ahead`, `${s.a.name} had canceled ${ev}`]);
    case 'postponed': return pick(rng, [`${ev} had been postponed until ${futureFor(rng, s)}`, `${ev} was pushed back to ${futureFor(rng, s)}`, `${ev} was put on hold`, `${ev} had been delayed`]);
    case 'not_agreed': return pick(rng, [`no agreement on ${ev} had ever been reached`, `${ev} was never finalized`, `nothing specific had been agreed`, `there was no deal on ${ev}`]);
    case 'possible': return pick(rng, [`${ev} was not off the table`, `${ev} could still happen ${when}`, `there was always a chance of ${ev}`, `${ref(s.leaderA)} remained open to ${ev}`]);
    case 'unlikely': return pick(rng, [`${ev} was unlikely ${when}`, `${s.b.name} was not ready for ${ev}`, `the chances of ${ev} were slim`]);
    case 'held': return pick(rng, [`${ev} took place ${pastWhen(rng, s)}`, `the two leaders spoke ${pastWhen(rng, s)}`, `${ev} went ahead as planned`]);
    case 'not_held': return `it was ${s.deputyA.title} ${s.deputyA.name}, not ${s.leaderA.last}, who met the ${s.b.adj} delegation`;
    default: return `${s.a.name} proposed ${ev} ${when}`;
  }
}

const QUOTES: Record<string, string[]> = {
  agreed: ['We have a deal, and it will be signed {when}', 'Everything is agreed, the details are a formality', 'Both sides have said yes, and that is the end of it', 'This is done'],
  planned: ['The date is set and our teams are preparing', 'We expect to sit down {when}', 'Everything is on track for {for}'],
  cancelled: ['There will be no meeting, not now and not under these conditions', 'We have called it off', 'It is over, and we will not pretend otherwise'],
  postponed: ['We need more time, so we will meet later', 'The timing is not right, it has been pushed back', 'Nobody has canceled anything, it is a postponement'],
  not_agreed: ['No agreement was ever reached, whatever you have heard', 'Nothing has been signed and nothing has been agreed', 'There is no deal, there was never a deal'],
  possible: ['It is not off the table', 'We are working to make it happen', 'We remain open to it if the conditions are right', 'There is always a chance'],
  unlikely: ['Frankly, we are not ready for that at all', 'I do not see it happening {when}', 'It is very unlikely under present conditions'],
  held: ['We had a long and frank conversation', 'The talks were productive and we will meet again', 'It was a good meeting'],
};

function quoteFor(rng: Rng, s: Story, status: string): string {
  return pick(rng, QUOTES[status] ?? QUOTES.possible!).replace('{when}', futureWhen(rng, s)).replace('{for}', futureFor(rng, s));
}

// ---------------------------------------------------------------- sentence and paragraph templates

type Para = (rng: Rng, s: Story) => string;
const once = (p: Para): Para & { once: boolean } => Object.assign(p, { once: true });

function someone(rng: Rng, s: Story): { p: Person | null; text: string; side: 'a' | 'b' } {
  const r = rng();
  if (r < 0.2) return { p: s.leaderA, text: speaker(rng, s.leaderA), side: 'a' };
  if (r < 0.35) return { p: s.ministerA, text: speaker(rng, s.ministerA), side: 'a' };
  if (r < 0.5) return { p: s.spokesA, text: speaker(rng, s.spokesA), side: 'a' };
  if (r < 0.65) return { p: s.spokesB, text: speaker(rng, s.spokesB), side: 'b' };
  if (r < 0.78) return { p: s.leaderB, text: speaker(rng, s.leaderB), side: 'b' };
  if (r < 0.88) return { p: s.envoy, text: speaker(rng, s.envoy), side: 'a' };
  return { p: null, text: anonymous(rng, s), side: chance(rng, 0.5) ? 'a' : 'b' };
}

const STATUSES_A = ['agreed', 'planned', 'possible', 'postponed', 'cancelled', 'held'];
const STATUSES_B = ['not_agreed', 'unlikely', 'possible', 'postponed', 'planned', 'held'];

const statusFor = (rng: Rng, side: 'a' | 'b'): string => pick(rng, side === 'a' ? STATUSES_A : STATUSES_B);

/** Paragraph templates; the story beats (denial, walk-back, reversal, correction) appear at most once an article. */
const paragraphs: Array<Para & { once?: boolean }> = [
  // Indirect speech with a reporting verb and a date.
  (rng, s) => {
    const w = someone(rng, s);
    return cap(`${w.text} ${pick(rng, VERBS_THAT)} ${dayWord(rng)} that ${statusClause(rng, s, statusFor(rng, w.side))}.`) + ' ' + background(rng, s);
  },
  // A direct quote, speaker after.
  (rng, s) => {
    const w = someone(rng, s);
    const st = statusFor(rng, w.side);
    const q = quoteFor(rng, s, st);
    let q2 = quoteFor(rng, s, st);
    if (q2 === q) q2 = quoteFor(rng, s, w.side === 'a' ? 'possible' : 'unlikely');
    return `"${q}," ${w.text} ${pick(rng, VERBS_SAID)} ${dayWord(rng)}.` + (chance(rng, 0.5) && q2 !== q ? ` "${q2}."` : '');
  },
  // A direct quote, speaker before, with a colon.
  (rng, s) => {
    const w = someone(rng, s);
    return cap(`${w.text} told reporters in ${pick(rng, [s.a.capital, s.b.capital, s.venue])} ${dayWord(rng)}: "${quoteFor(rng, s, statusFor(rng, w.side))}."`);
  },
  // According to an anonymous source.
  (rng, s) => `According to ${anonymous(rng, s)}, ${statusClause(rng, s, statusFor(rng, chance(rng, 0.5) ? 'a' : 'b'))}. The official did not give details.`,
  // A denial by the other side.
  once((rng, s) => {
    const w = speaker(rng, s.spokesB);
    return cap(`${w} ${pick(rng, ['denied', 'rejected', 'dismissed', 'pushed back on'])} reports that ${statusClause(rng, s, 'agreed')}, saying ${statusClause(rng, s, 'not_agreed')}.`) + ` "${quoteFor(rng, s, 'not_agreed')}," ${s.spokesB.pronoun} said.`;
  }),
  // A walk-back by the same side.
  once((rng, s) => {
    const w = speaker(rng, s.spokesA, false);
    return cap(`Asked ${dayWord(rng)} whether ${statusClause(rng, s, 'agreed')}, ${w} stopped short of confirming it. "${pick(rng, QUOTES.possible!)}," ${s.spokesA.pronoun} said.`);
  }),
  // A reversal: planned, then called off.
  once((rng, s) => `${cap(eventNoun(rng, s))} had been planned for ${futureFor(rng, s)}, but ${speaker(rng, s.leaderA, false)} said ${dayWord(rng)} that ${statusClause(rng, s, 'cancelled')}. ${background(rng, s)}`),
  // A correction of who took part.
  once((rng, s) => `${cap(speaker(rng, s.spokesA, false))} later corrected the account, saying ${statusClause(rng, s, 'not_held')}. ${s.leaderA.last} had said ${pastWhen(rng, s)} that ${s.leaderA.pronoun} had met them ${s.leaderA.pronoun === 'she' ? 'herself' : 'himself'}.`),
  // A question asserts nothing.
  (rng, s) => `Asked whether ${statusClause(rng, s, 'planned')}, ${speaker(rng, s.envoy)} ${pick(rng, ['declined to comment', 'would only say "we will see"', 'said it was too early to say'])}.`,
  // A mixed quote.
  (rng, s) => `${cap(speaker(rng, s.ministerA, false))} called the talks "${pick(rng, ['constructive', 'difficult but useful', 'a waste of time', 'very productive'])}" and said ${statusClause(rng, s, statusFor(rng, 'a'))}.`,
  // Plain background, no attribution.
  (rng, s) => background(rng, s) + ' ' + background(rng, s),
];

function background(rng: Rng, s: Story): string {
  const m = s.pub.getUTCMonth();
  return pick(rng, [
    `Relations between ${s.a.name} and ${s.b.name} have been strained since a dispute over ${s.topic} in ${MONTHS[(m + 9) % 12]}.`,
    `The last meeting between the two leaders was held in ${s.venue} ${pick(rng, ['last year', 'two years ago', `in ${MONTHS[(m + 6) % 12]}`])}.`,
    `${s.a.name} has pressed for talks on ${s.topic} for months, while ${s.b.name} has insisted on guarantees first.`,
    `Diplomats in ${s.venue} have been preparing the ground for weeks, with working groups meeting ${pick(rng, ['every Thursday', 'almost daily', 'twice a week'])}.`,
    `Markets in ${s.a.capital} rose ${1 + Math.floor(rng() * 4)} percent on the news before falling back in afternoon trading.`,
    `Neither government published a readout of the talks.`,
    `The ${s.region} border has seen sporadic clashes since the spring, and aid groups have warned of shortages.`,
    `The ${s.b.ministry} did not respond to a request for comment.`,
  ]);
}

function clutter(rng: Rng, s: Story): string {
  return pick(rng, [
    `${s.leaderB.name} arrives in ${s.venue} on ${pick(rng, WEEKDAYS)}. (Photo: ${pick(rng, FIRST_F)} ${pick(rng, LAST)}/${pick(rng, AGENCIES)})`,
    `Read more: ${s.a.name} and ${s.b.name} trade accusations over ${s.topic}`,
    'Advertisement',
    `Share this article`,
  ]);
}

function dateLine(rng: Rng, d: Date): string {
  const iso = d.toISOString().slice(0, 10);
  const m = d.getUTCMonth();
  const human = `${MONTH_ABBR[m]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  return pick(rng, [
    `Published ${human}`,
    `date ${iso}`,
    `${human} · ${3 + Math.floor(rng() * 6)} min read`,
    `Updated ${1 + Math.floor(rng() * 11)}:${String(Math.floor(rng() * 60)).padStart(2, '0')} p.m. ET ${human}`,
    `${MONTHS[m]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  ]);
}

function title(rng: Rng, s: Story): string {
  const ev = eventNoun(rng, s);
  return cap(pick(rng, [
    `${s.a.name} says ${ev} agreed, ${s.b.name} denies it`,
    `${s.b.name} calls off ${ev} as talks stall`,
    `${s.a.adj} officials back away from claim on ${ev}`,
    `${ev} still possible, ${s.a.name} says`,
    `What we know about ${ev}`,
    `${s.a.name} corrects account of talks with ${s.b.name}`,
  ]));
}

// ---------------------------------------------------------------- articles

/** One article, drawn entirely from `rng`: the same rng state gives the same article. */
export function generateArticle(i: number, rng: Rng): SyntheticArticle {
  const s = makeStory(rng, i);
  const outlet = pick(rng, OUTLETS);
  const target = 640 + Math.floor(rng() * 120);
  const head = [title(rng, s), dateLine(rng, s.pub)];
  // The title does not introduce anyone: the body names people in full first.
  for (const p of [s.leaderA, s.leaderB, s.ministerA, s.deputyA, s.spokesA, s.spokesB, s.envoy]) p.seen = false;
  if (chance(rng, 0.4)) head.push(`By ${pick(rng, FIRST_F)} ${pick(rng, LAST)}, ${outlet}`);
  const body: string[] = [];
  // The lead: the news in indirect speech.
  const lead = someone(rng, s);
  body.push(cap(`${lead.text} ${pick(rng, VERBS_THAT)} ${dayWord(rng)} that ${statusClause(rng, s, statusFor(rng, lead.side))}, ${pick(rng, ['a day after', 'days after', 'hours after'])} ${statusClause(rng, s, statusFor(rng, lead.side === 'a' ? 'b' : 'a'))}.`));
  let words = countWords(head.join(' ')) + countWords(body[0]!);
  const used = new Set<Para>();
  let clutterLeft = chance(rng, 0.3) ? 1 + Math.floor(rng() * 2) : 0;
  while (words < target) {
    let p: string;
    if (clutterLeft > 0 && chance(rng, 0.15)) {
      p = clutter(rng, s);
      clutterLeft--;
    } else {
      const para = pick(rng, paragraphs);
      if (para.once && used.has(para)) continue;
      used.add(para);
      p = para(rng, s);
    }
    body.push(p);
    words += countWords(p);
  }
  const slug = s.a.name.toLowerCase() + '-' + s.b.name.toLowerCase() + '-' + s.type;
  const name = `synthetic-${String(i).padStart(5, '0')}-${slug}.txt`;
  const text = [...head, '', body.join('\n\n'), ''].join('\n').replace(/\b([Aa]) ([AEIOU])/g, '$1n $2');
  return { name, text };
}

/** A seed for article i of a corpus seeded with `seed`: articles are independent of each other. */
function articleSeed(seed: number, i: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (i + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** `n` articles, deterministic in `seed`; article i is the same whatever n is. */
export function generateCorpus(n: number, seed = 1): SyntheticArticle[] {
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < n; i++) out.push(generateArticle(i, makeRng(articleSeed(seed, i))));
  return out;
}

export { countWords };
