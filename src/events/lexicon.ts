/**
 * The events stage's knowledge, loaded from data/lexicons (event-types, status-cues, hedges)
 * and compiled once into regexes. A user lexicon file can add triggers or cues; the compiled
 * form is built again then (compiledLexicon).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadLexicon, alternation, compiledLexicon, originOf, lexiconWarning, dataDir } from '../core/lexicon.js';
import { StatusZ, eventTypes } from '../core/vocabulary.js';
import type { EntityType, EventType, Status } from '../core/types.js';

export const EventTypeEntry = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  pos: z.enum(['noun', 'verb']),
  arity: z.number().int().min(2).optional(),
  /** Entity types that can take part; `country`: a place with a government, named as a party ("the summit with Damaris"). */
  participants: z.array(z.enum(['person', 'organization', 'group', 'place', 'unknown', 'country'])),
  /** A contact verb: a trigger only with a first-person subject and a person right after, in reported speech. */
  contact: z.boolean().default(false),
  /** An event that lasts until it is closed or called off (a deal, a truce): a gap in coverage does not split it. */
  lasting: z.boolean().default(false),
  /** Made by officials for their states (a deal, a truce): when every party speaks for a country, the countries are the parties. */
  betweenStates: z.boolean().default(false),
  /** Its forms name the event only as nouns: read as a verb ("to deal with", "she calls") they mean something else. */
  nounOnly: z.boolean().default(false),
  /** A word that names the event only after "the", "that", "their" ("the call ran past midnight"; "a call for calm" is none). */
  onlyDefinite: z.boolean().default(false),
  /** false: the names of its clause are no parties; only "with", "between", its arguments or the story say who. */
  clause: z.boolean().default(true),
  /** A transaction whose parties are its own arguments (rules/arguments.ts): not whoever is named in its clause. */
  arguments: z.boolean().default(false),
  /** The status the trigger itself asserts when no cue of its clause does ("I asked Venn": held). */
  implies: StatusZ.optional(),
  /** Held by delegations (talks between states): their parties are the heads the story names (clustering/delegations.ts). */
  delegations: z.boolean().default(false),
  /** Words right after a form that give it another sense ("took over as chief", "take over leadership"). */
  notBefore: z.array(z.string().min(1)).default([]),
  forms: z.array(z.string().min(1)).min(1),
});
export const StatusCueEntry = z.object({
  id: z.string().min(1),
  status: StatusZ,
  negated: StatusZ.optional(),
  hedged: StatusZ.optional(),
  priority: z.number().default(1),
  standalone: z.boolean().default(false),
  /** The cue asserts something only under a negation ("did not meet"). */
  onlyNegated: z.boolean().default(false),
  /** false: right before a noun trigger ("a potential meeting") the cue only describes it. */
  beforeNoun: z.boolean().default(true),
  /** A cue only inside reported speech, never in the article's narration. */
  onlyReported: z.boolean().default(false),
  /** In narration, the party just before the cue takes the stance ("X refused to commit"). */
  subjectIsSource: z.boolean().default(false),
  forms: z.array(z.string().min(1)).default([]),
  /** Nouns whose object use gives the cue another sense ("offered a sterner take", "offered condolences"). */
  notBefore: z.array(z.string().min(1)).default([]),
  /** Regular expressions for cues with a gap ("make that bilateral happen"). */
  patterns: z.array(z.string().min(1)).default([]),
  /**
   * Sequences of lemmas matched over the document's tokens, so that one entry covers every
   * inflection ("walk away": walks, walked, walking away). A word may be `a|b` (either), carry
   * a part of speech (`close:VERB`), and `...` is a gap of up to three words.
   */
  lemmas: z.array(z.string().min(1)).default([]),
}).refine((e) => e.forms.length + e.patterns.length + e.lemmas.length > 0, { message: 'a cue needs forms, patterns or lemmas' });
export const HedgeEntry = z.object({
  id: z.string().min(1),
  effect: z.enum(['hedged', 'conditional', 'negation', 'question', 'uncertain', 'denial', 'prospective', 'causative', 'persistence']),
  forms: z.array(z.string().min(1)).min(1),
  weaken: z.record(z.string(), StatusZ).optional(),
  /** `hedged`: the word weakens a cue a comma away too ("maybe somebody will say, 'I don't …'"). */
  acrossComma: z.boolean().default(false),
  /** `hedged`: false when the cue entry's own `hedged` status does not apply ("sort of set up" stays planned). */
  cueHedged: z.boolean().default(true),
});
export type EventTypeEntry = z.infer<typeof EventTypeEntry>;
export type StatusCueEntry = z.infer<typeof StatusCueEntry>;
export type HedgeEntry = z.infer<typeof HedgeEntry>;

export interface TriggerInfo {
  entry: string;
  type: EventType;
  pos: 'noun' | 'verb';
  arity: number;
  participantTypes: ReadonlySet<EntityType | 'country'>;
  contact: boolean;
  arguments: boolean;
  clause: boolean;
  onlyDefinite: boolean;
  nounOnly: boolean;
  implies?: Status;
  /** Matches the text right after the trigger when the form has another sense there (EventTypeEntry.notBefore). */
  notBefore?: RegExp;
}

/** A hedged entry of hedges.yml, compiled. */
export interface HedgeRule {
  re: RegExp;
  weaken: Partial<Record<Status, Status>>;
  acrossComma: boolean;
  cueHedged: boolean;
}

/** One word of a lemma sequence: the lemmas it accepts and, optionally, a part of speech. */
export interface LemmaWord {
  words: ReadonlySet<string>;
  pos?: string;
  /** A gap: up to this many words of any kind (no punctuation) before the next word. */
  gap?: number;
}
export interface LemmaCue {
  seq: LemmaWord[];
  entry: StatusCueEntry;
}

/** The most words a `...` gap of a lemma sequence spans. */
export const LEMMA_GAP = 3;

export function parseLemmas(src: string): LemmaWord[] {
  return src.trim().split(/\s+/).map((w): LemmaWord => {
    if (w === '...') return { words: new Set(), gap: LEMMA_GAP };
    const [lemmas, pos] = w.split(':');
    return { words: new Set(lemmas!.toLowerCase().split('|')), ...(pos ? { pos } : {}) };
  });
}

export interface EventLexicon {
  /** Every one-word trigger form, lower-cased: a cheap test before `trigger`. */
  triggerWords: ReadonlySet<string>;
  /** Event types that last until closed or called off (`lasting: true` on any of their entries). */
  lasting: ReadonlySet<string>;
  /** Event types made by officials for their states (`betweenStates: true` on any of their entries). */
  betweenStates: ReadonlySet<string>;
  /** Trigger entries whose events are held by delegations (`delegations: true`). */
  delegations: ReadonlySet<string>;
  /** A truce's own words ("truce", "ceasefire"): inside a deal's form ("tariff truce") that deal is a truce (refiners/named-truce). */
  truceWordRe: RegExp;
  /** Every trigger form, longest first, on word boundaries. Global: reset lastIndex before use. */
  triggerRe: RegExp;
  trigger: (matched: string) => TriggerInfo | undefined;
  cueRe: RegExp;
  cue: (matched: string) => StatusCueEntry | undefined;
  /** The entry of a cueRe match: a literal form, else the pattern entry whose group matched. */
  cueOfMatch: (m: RegExpExecArray) => StatusCueEntry | undefined;
  /** Whether the text right after a cue gives it another sense (StatusCueEntry.notBefore). */
  cueElsewhere: (entry: StatusCueEntry, after: string) => boolean;
  /** Lemma cues by the lemmas of their first word, longest sequence first. */
  lemmaCues: ReadonlyMap<string, readonly LemmaCue[]>;
  negationRe: RegExp;
  /** The hedged entries, in file order (the first that matches wins), each with its own weakening. */
  hedges: HedgeRule[];
  /** An embedded question ("whether there was ever a commitment") asserts nothing. */
  questionRe: RegExp;
  /** "I don't know that", "not sure whether": the source leaves the event open (possible). Global. */
  uncertainRe: RegExp;
  /** A verb of denial, the whole of a statement's cue ("denied"). */
  denialRe: RegExp;
  /** A verb of denial with what it denies after it ("denied that", "dismissed reports of"). Global. */
  denialBeforeRe: RegExp;
  conditionalRe: RegExp;
  /** "will continue discussions", "never give up": a party pressing on with its course (conflicts). */
  persistenceRe: RegExp;
  conditionalWeaken: Partial<Record<Status, Status>>;
  /** "vowed to", "would", "threatens to" before a cue: a course announced, not taken ("would veto the merger": unlikely). */
  prospectiveRe: RegExp;
  prospectiveWeaken: Partial<Record<Status, Status>>;
  /** "ordered", "forced" right before a name: that name is the verb's object, told to act, not the actor. */
  causativeBeforeRe: RegExp;
}

/** Fold a matched phrase to its lexicon key: lower case, one space, straight apostrophes. */
export const foldKey = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** An alternation on word boundaries that also accepts curly apostrophes. */
function wordRe(forms: Iterable<string>, flags = 'giu'): RegExp {
  const alt = alternation(forms).replace(/'/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, flags);
}

export const eventLexicon = compiledLexicon((): EventLexicon => {
  const types = loadLexicon('event-types', EventTypeEntry);
  const typeEntry = new Map(types.map((e) => [e.id, e]));
  const cues = loadLexicon('status-cues', StatusCueEntry);
  const hedges = loadLexicon('hedges', HedgeEntry);

  const declared = eventTypes();
  const builtinFile = join(dataDir, 'lexicons', 'event-types.yml');
  const triggers = new Map<string, TriggerInfo>();
  for (const e of types) {
    if (!declared.has(e.type)) throw new Error(`${originOf(e) ?? builtinFile}: event-types entry ${e.id}: type ${e.type} is not declared (lexicon ledger: ${[...declared.keys()].join(', ')})`);
    const info: TriggerInfo = { entry: e.id, type: e.type, pos: e.pos, arity: e.arity ?? 2, participantTypes: new Set(e.participants), contact: e.contact, arguments: e.arguments, clause: e.clause, onlyDefinite: e.onlyDefinite, nounOnly: e.nounOnly, ...(e.implies ? { implies: e.implies } : {}), ...(e.notBefore.length ? { notBefore: new RegExp(`^\\s+(?:${alternation(e.notBefore)})(?![\\p{L}])`, 'iu') } : {}) };
    const mine = originOf(e);
    for (const f of e.forms) {
      const key = foldKey(f);
      const had = triggers.get(key);
      // Among built-in entries the first keeps a form; a user's entry takes it from a built-in
      // one, and says so, since the built-in type no longer fires on it.
      if (!had) triggers.set(key, info);
      else if (mine && !originOf(typeEntry.get(had.entry)!) && had.entry !== e.id) {
        lexiconWarning(mine, `event-types entry ${e.id} (type ${e.type}) takes the form '${f}' from built-in entry ${had.entry} (type ${had.type})`, 'lexicon/form-override');
        triggers.set(key, info);
      }
    }
  }
  // The object of the cue: a noun of the list after a determiner and up to two words ("offered a
  // far sterner take"), not past "to" ("offered to take part" is an offer).
  const notBeforeOf = new Map(
    cues.filter((e) => e.notBefore.length).map((e) => [e.id, new RegExp(`^\\s+(?:(?:a|an|the|no|few|little|its|his|her|their)\\s+)?(?:(?!to\\s)[\\p{L}-]+\\s+){0,2}?(?:${alternation(e.notBefore)})(?![\\p{L}])`, 'iu')]),
  );
  const cueMap = new Map<string, StatusCueEntry>();
  for (const e of cues) for (const f of e.forms) if (!cueMap.has(foldKey(f))) cueMap.set(foldKey(f), e);
  // Pattern cues: one named group per entry, tried after the literal forms.
  const patterned = cues.filter((e) => e.patterns.length > 0);
  const patternAlt = patterned.map((e, i) => `(?<p${i}>${e.patterns.map((p) => `(?:${p})`).join('|')})`).join('|');
  const lemmaCues = new Map<string, LemmaCue[]>();
  for (const e of cues) {
    for (const l of e.lemmas) {
      const seq = parseLemmas(l);
      if (seq[0]?.gap || seq[seq.length - 1]?.gap) throw new Error(`status-cues ${e.id}: a lemma sequence cannot open or close with a gap: ${l}`);
      for (const w of seq[0]!.words) {
        let list = lemmaCues.get(w);
        if (!list) lemmaCues.set(w, (list = []));
        list.push({ seq, entry: e });
      }
    }
  }
  for (const list of lemmaCues.values()) list.sort((a, b) => b.seq.length - a.seq.length);
  const byEffect = (eff: HedgeEntry['effect']): HedgeEntry[] => hedges.filter((h) => h.effect === eff);
  const weakenOf = (eff: HedgeEntry['effect']): Partial<Record<Status, Status>> => Object.assign({}, ...byEffect(eff).map((h) => h.weaken ?? {}));
  const formsOf = (eff: HedgeEntry['effect']): string[] => byEffect(eff).flatMap((h) => h.forms);

  const lex: EventLexicon = {
    triggerWords: new Set([...triggers.keys()].filter((k) => !k.includes(' '))),
    lasting: new Set(types.filter((e) => e.lasting).map((e) => e.type)),
    betweenStates: new Set(types.filter((e) => e.betweenStates).map((e) => e.type)),
    delegations: new Set(types.filter((e) => e.delegations).map((e) => e.id)),
    truceWordRe: wordRe(types.filter((e) => e.type === 'ceasefire' && e.pos === 'noun').flatMap((e) => e.forms), 'iu'),
    triggerRe: wordRe(triggers.keys()),
    trigger: (m) => triggers.get(foldKey(m)),
    cueRe: patternAlt
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(cueMap.keys()).replace(/'/g, "['’]")}|${patternAlt})(?![\\p{L}\\p{N}])`, 'giu')
      : wordRe(cueMap.keys()),
    cue: (m) => cueMap.get(foldKey(m)),
    lemmaCues,
    cueElsewhere: (entry, after) => notBeforeOf.get(entry.id)?.test(after) ?? false,
    cueOfMatch: (m) => {
      const hit = cueMap.get(foldKey(m[0]));
      if (hit) return hit;
      const i = patterned.findIndex((_, k) => m.groups?.[`p${k}`] !== undefined);
      return i >= 0 ? patterned[i] : undefined;
    },
    // "n't" is glued to its verb ("didn't"), so it has no word boundary before it.
    negationRe: new RegExp(`(?:n['’]t\\b|(?<![\\p{L}])(?:${alternation(formsOf('negation').filter((f) => !f.includes("'")))})(?![\\p{L}]))`, 'iu'),
    hedges: byEffect('hedged').map((h) => ({ re: wordRe(h.forms, 'iu'), weaken: (h.weaken ?? {}) as Partial<Record<Status, Status>>, acrossComma: h.acrossComma, cueHedged: h.cueHedged })),
    questionRe: wordRe(formsOf('question'), 'iu'),
    uncertainRe: wordRe(formsOf('uncertain')),
    denialRe: new RegExp(`^(?:${alternation(formsOf('denial'))})$`, 'iu'),
    // "denied that", "dismissed reports of", "denied Norland's claims that": what is denied follows.
    denialBeforeRe: new RegExp(`(?<![\\p{L}])(?:${alternation(formsOf('denial'))})\\s+(?:(?:the|its|his|her|their|[\\p{Lu}][\\p{L}.-]*['’]s?)\\s+)?(?:that|reports?|claims?|suggestions?|speculation|rumou?rs?|any)(?![\\p{L}])`, 'giu'),
    conditionalRe: wordRe(formsOf('conditional'), 'iu'),
    persistenceRe: wordRe(formsOf('persistence'), 'iu'),
    conditionalWeaken: weakenOf('conditional'),
    prospectiveRe: wordRe(formsOf('prospective'), 'iu'),
    prospectiveWeaken: weakenOf('prospective'),
    causativeBeforeRe: new RegExp(`(?<![\\p{L}])(?:${alternation(formsOf('causative'))})\\s+(?:(?:the|both|all)\\s+)?$`, 'iu'),
  };
  return lex;
});
