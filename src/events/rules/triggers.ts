/**
 * Rule: every event trigger of the lexicon becomes a draft event mention, with the region it
 * is read in (its sentence, narrowed to the reported content when it sits in a statement)
 * and its clause. A trigger in a question is kept, for later "the meeting" to point back to,
 * but marked: a question asserts nothing. A contact verb ("I asked Venn") is a trigger only
 * in reported speech, after a first-person subject and before a person: the speaker and that
 * person take part.
 */
import { span } from '../../core/span.js';
import { posIndex } from '../../core/doc.js';
import type { Draft, EventContext } from '../context.js';
import { clauseAround } from '../clause.js';

export const RULE = 'events/trigger';
/** A determiner that makes a noun trigger point back to an event already named. */
const DEFINITE = /(?:\b(?:the|that|this|such\s+an?|the\s+same|their|its|our)\s+(?:[\p{L}-]+\s+){0,2})$/iu;

/** A lower-case word right after: the noun an adjectival use describes. */
const ADJECTIVE_BEFORE_NOUN = /^\s+\p{Ll}/u;
/** A determiner right before the word (at most one adjective between): "the call", "their long call". */
const JUST_BEFORE = /(?<![\p{L}])(?:the|that|this|their|his|her|its|our)\s+(?:[\p{L}-]+\s+)?$/iu;

const FIRST_PERSON_BEFORE = /(?<![\p{L}])(?:I|we|We)\s+(?:[\p{Ll}]+\s+){0,2}$/u;

/** After a copula, "a (bad) deal" rates something; "any deal that ..." is a kind of deal. */
const PREDICATE_BEFORE = /(?<![\p{L}])(?:be|is|was|were|been|being)\s+(?:a|an)\s+(?:[\p{L}-]+\s+)?$/iu;
const ANY_BEFORE = /(?<![\p{L}])any\s+(?:[\p{L}-]+\s+)?$/iu;
const RELATIVE_AFTER = /^\s+that\s/u;
function isGeneric(before: string, after: string): boolean {
  return PREDICATE_BEFORE.test(before) || (ANY_BEFORE.test(before) && RELATIVE_AFTER.test(after));
}

/** The trigger's sentence asks: a "?" follows before any full stop ('Did they agree?" asked X.'). */
export function isQuestion(rest: string): boolean {
  return /^[^.!]*\?/.test(rest);
}

export function findTriggers(ctx: EventContext): Draft[] {
  const { doc, lex } = ctx;
  const out: Draft[] = [];
  const pos = posIndex(doc);
  let si = 0;
  lex.triggerRe.lastIndex = 0;
  for (let m = lex.triggerRe.exec(doc.text); m; m = lex.triggerRe.exec(doc.text)) {
    const info = lex.trigger(m[0]);
    if (!info) continue;
    const start = m.index;
    const end = start + m[0].length;
    // "to deal with the issue", "they talk often": a noun form the tagger reads as a verb names no event.
    if (info.nounOnly && !m[0].includes(' ') && pos.get(start) === 'VERB') continue;
    if (info.notBefore?.test(doc.text.slice(end, end + 40))) continue;
    // "the sale could be a bad deal", "any deal that leaves us behind": a judgement or a kind of
    // deal, not one that happens; the noun names no event (and is no antecedent for "the deal").
    if (info.pos === 'noun' && isGeneric(doc.text.slice(Math.max(0, start - 40), start), doc.text.slice(end, end + 8))) continue;
    // "the bilateral relationship", "summit diplomacy"... : a trigger word the tagger reads as an
    // adjective before another noun only describes that noun.
    if (info.pos === 'noun' && !m[0].includes(' ') && pos.get(start) === 'ADJ') {
      const next = ADJECTIVE_BEFORE_NOUN.exec(doc.text.slice(end, end + 20));
      if (next && pos.get(end + next[0].length - 1) === 'NOUN') continue;
    }
    while (si < doc.sentences.length && doc.sentences[si]!.end <= start) si++;
    const sent = doc.sentences[si];
    if (!sent || sent.start > start) continue;
    const statement = ctx.statementAt(start);
    let contactParties: string[] = [];
    if (info.contact) {
      const object = ctx.candidatesIn(end, end + 3).find((c) => c.type === 'person');
      const speaker = statement?.speaker.local;
      if (!statement || !speaker || !object || !FIRST_PERSON_BEFORE.test(doc.text.slice(Math.max(0, start - 40), start))) continue;
      contactParties = [speaker, object.local];
    }
    const region = statement
      ? { start: Math.max(sent.start, statement.content.start), end: Math.min(sent.end, statement.content.end) }
      : { start: sent.start, end: sent.end };
    const clause = clauseAround(doc.text, region, { start, end });
    const before = doc.text.slice(Math.max(clause.start, start - 40), start);
    const definite = info.pos === 'noun' && DEFINITE.test(before);
    if (info.onlyDefinite && !(definite && JUST_BEFORE.test(before))) continue;
    out.push({
      type: info.type,
      info,
      trigger: span(start, end, RULE),
      region,
      clause,
      statement,
      participants: contactParties,
      place: null,
      definite,
      question: isQuestion(doc.text.slice(start, sent.end)),
      rule: `${RULE}/${info.entry}`,
    });
  }
  return out;
}
