/**
 * The speaker before a reporting verb (`Ada Vell said`, `Ada Vell, the envoy, said`, `The board
 * reversed itself and said`): a mention ending just before the verb across the gaps of gaps.ts,
 * else one of the phrase speakers of speaker-phrase.ts.
 */
import type { AttributionContext, SpeakerRef } from '../context.js';
import type { Mention } from '../../core/types.js';
import { lowerBound, mentionsBetween, posIn } from '../context.js';
import { GAP_RE, PP_GAP_RE, LONG_PP_GAP_RE, RELATIVE_RE, NAME_APPOS_RE, APPOS_RE, DASH_APPOS_RE } from './gaps.js';
import { phraseSpeaker } from './speaker-phrase.js';

/** A mention right after a preposition is its object, not a subject (`the envoy of Norland said`). */
const OBJECT_OF_RE = /\b(?:in|from|at|of|for|with|on|to|by|against|about)\s+$/;
/** Inside an appositive, a mention after a preposition or a participle (`one of the states suing Brill`) is not the speaker either. */
const NESTED_IN_RE = /\b(?:in|from|at|of|for|with|on|to|by|against|about|suing|representing)\s+$/;

/** The speaker ending just before `at`, within [from, at). */
export function leftSpeaker(ctx: AttributionContext, from: number, at: number): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const cands = mentionsBetween(ctx, from, at).sort((a, b) => b.span.end - a.span.end).slice(0, 6);
  const apposName = (m: Mention): Mention | undefined =>
    m.kind === 'description' && /,\s*$/.test(text.slice(Math.max(from, m.span.start - 3), m.span.start))
      ? cands.find((o) => o.kind === 'name' && o.span.end < m.span.start && NAME_APPOS_RE.test(text.slice(o.span.end, m.span.start)))
      : undefined;
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    if (GAP_RE.test(gap) || PP_GAP_RE.test(gap) || LONG_PP_GAP_RE.test(gap) && !posIn(ctx, m.span.end, at, ['VERB', 'AUX', 'PRON'])) {
      if (OBJECT_OF_RE.test(text.slice(Math.max(from, m.span.start - 12), m.span.start))) continue;
      // `Rep. Ida Marr (D-Brill), the chairman, said`: a description in apposition to a name
      // stands for the name.
      const name = apposName(m);
      if (name) return { ref: { start: name.span.start, end: name.span.end, mention: name }, phraseStart: name.span.start };
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
    }
  }
  let nested: Mention | null = null;
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    const head = text.slice(from, m.span.start);
    // "Norland's envoy, Ida Marr, said": the name is itself an appositive; the phrase starts
    // where its clause does.
    if (/^\s*,\s*$/.test(gap) && /,\s*$/.test(head)) {
      const name = apposName(m);
      if (name) return { ref: { start: name.span.start, end: name.span.end, mention: name }, phraseStart: name.span.start };
      const inner = head.replace(/,\s*$/, '');
      // A possessive apostrophe (`Carter’s envoy`) does not close a quotation.
      let cut = -1;
      for (const k of inner.matchAll(/[,”"»]|’(?![\p{L}])/gu)) cut = k.index!;
      let ps = from + cut + 1;
      while (ps < m.span.start && /\s/.test(text[ps]!)) ps++;
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: ps };
    }
    const relative = RELATIVE_RE.test(gap);
    if (relative || (APPOS_RE.test(gap) && appositive(ctx, m.span.end, at))) {
      // `Ada Vell, the attorney general of Norland, one of the states …, said`: a mention inside
      // a prepositional phrase or itself an appositive of an earlier one is not the speaker.
      const pre = text.slice(Math.max(from, m.span.start - 12), m.span.start);
      if (!relative && (NESTED_IN_RE.test(pre) || /,\s*$/.test(pre) && cands.some((o) => o.span.end < m.span.start && /^\s*,\s*$/.test(text.slice(o.span.end, m.span.start)) && APPOS_RE.test(text.slice(o.span.end, at)) && appositive(ctx, o.span.end, at)))) {
        // (Still the speaker when no earlier mention qualifies.)
        nested ??= m;
        continue;
      }
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
    }
  }
  if (nested) return { ref: { start: nested.span.start, end: nested.span.end, mention: nested }, phraseStart: nested.span.start };
  // "The ministry reversed itself and said …", "… in which he praised X and wrote …": the subject
  // of a coordinated verb, when it opens its clause.
  if (/\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/.test(text.slice(from, at))) {
    for (const m of [...cands].reverse()) {
      if (ctx.quoteAt(m.span.start)) continue;
      const gap = text.slice(m.span.end, at);
      // (`Vell, the envoy, thanked the council for its help, but said …`: appositives and a
      // comma before the conjunction.)
      if (!/^(?:\s*,[^,;"“”]{1,80},)?\s+[^;"“”]{1,200}?,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/.test(gap)) continue;
      const head = text.slice(Math.max(from, m.span.start - 16), m.span.start);
      if (m.span.start <= from + 1 || /(?:^|[,;]\s*|\b(?:which|who|that|whom)\s+|^\s*[Tt]he\s+)$/.test(head) || /^\W*$/.test(text.slice(from, m.span.start))) {
        return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
      }
    }
  }
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    if (DASH_APPOS_RE.test(text.slice(m.span.end, at))) return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
  }
  return phraseSpeaker(ctx, from, at);
}

/** ", a former envoy to Brill," / ", who chairs the board,": a noun phrase or relative clause, not a clause of its own. */
function appositive(ctx: AttributionContext, a: number, b: number): boolean {
  const inner = ctx.text.slice(a, b);
  if (/^\s*,\s*(?:and|but|or|so|then|while)\b/.test(inner)) return false;
  if (/^\s*,\s*(?:who|which|whose)\b/.test(inner)) return true;
  const toks = ctx.doc.tokens;
  const comma = a + inner.indexOf(',');
  let first = '';
  let relative = false;
  for (let i = lowerBound(toks, (t) => t.start, comma + 1); i < toks.length && toks[i]!.start < b; i++) {
    const t = toks[i]!;
    const w = ctx.text.slice(t.start, t.end);
    if (!first && t.pos !== 'PUNCT') {
      first = t.pos;
      // `Vell, offering the first details of what was agreed, said`: a participle phrase.
      if (t.pos === 'VERB' && /(?:ing|ed)$/.test(w)) relative = true;
    }
    if (/^(?:who|which|whom|whose|that|what|where|when|how)$/i.test(w)) relative = true;
    // A participle inside a noun phrase ("a lawyer representing the club") is fine, and so is
    // a verb in a relative clause ("the agency that runs the port") or one the tagger misread in
    // a prepositional phrase ("at a later press briefing").
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ing|ed)$/.test(w) && !relative && !(first === 'ADP' && t.pos === 'VERB')) return false;
  }
  return true;
}
