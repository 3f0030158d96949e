/**
 * Subjects with no mention at their end, for a verb no mention precedes: the words that open the
 * verb's clause (`Those surveyed say`), or the whole sentence opening (`Political observers in
 * Brill and around the country say`).
 */
import type { AttributionContext, Range, SpeakerRef } from '../context.js';
import { lowerBound } from '../context.js';

/** Plain speech verbs whose subject may be any short noun phrase (`those surveyed say`). */
const PLAIN_SAY = /^(?:said|says|say|told|tells|wrote|writes|added|adds|argued|argue|argues|insisted|insist|insists|warned|warn|warns|claimed|claim|claims|noted|notes|believe|believes)$/;
/** Where a clause opens: the subject runs from here to the verb. */
const CLAUSE_OPEN_RE = /(?:^|[,;:(—–]\s*|\b(?:and|but|while|whereas|because|although|though|since|if|as|so)\s+)(?=[^,;:(—–]*$)/g;
const SUBJ_LEAD_RE = /^(?:(?:and|but|then|now|still|yet|so|also|meanwhile|instead)\s+)+/i;

/**
 * `Those surveyed say …`, `People who fought spam say …`, `A mere 9 percent say …`: when no
 * mention ends before a plain speech verb, the words that open its clause are its subject —
 * a short phrase with a noun in it, no quotation, and no auxiliary, particle or preposition
 * right before the verb (`hard to say`, `could not say`).
 */
export function clauseSubject(ctx: AttributionContext, from: number, cue: Range, form: string): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const head = text.slice(Math.max(from, cue.start - 120), cue.start);
  if (/["“”«»]/.test(head) || !/\S\s+$/.test(head)) return null;
  const whole = sentenceSubject(ctx, from, cue);
  if (whole) return whole;
  if (!PLAIN_SAY.test(form)) return null;
  let open = 0;
  for (const k of head.matchAll(CLAUSE_OPEN_RE)) open = k.index! + k[0].length;
  if (open === 0 && cue.start - 120 > from) return null;
  let s = cue.start - head.length + open;
  const lead = SUBJ_LEAD_RE.exec(text.slice(s, cue.start));
  if (lead) s += lead[0].length;
  const phrase = text.slice(s, cue.start).trimEnd();
  const words = phrase.match(/[\p{L}\p{N}'’%-]+/gu) ?? [];
  if (words.length === 0 || words.length > 9) return null;
  const toks = ctx.doc.tokens;
  let noun = false;
  let last = '';
  let first = '';
  for (let i = lowerBound(toks, (t) => t.start, s); i < toks.length && toks[i]!.start < cue.start; i++) {
    const pos = toks[i]!.pos;
    if (!first) first = pos;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'NUM') noun = true;
    if (pos !== 'PUNCT') last = pos;
  }
  if (!noun || last === 'AUX' || last === 'PART' || last === 'ADP' || last === 'SCONJ' || last === 'CCONJ' || last === 'DET' || last === 'ADJ') return null;
  if (first === 'VERB' || first === 'AUX' || first === 'ADP' || first === 'SCONJ' || first === 'PART') return null;
  if (/^(?:it|this|that|there|what|which|who)$/i.test(words[0]!) || words.some((w) => /^(?:which|when|whenever|if|unless)$/i.test(w))) return null;
  // `had their say`: a noun after a determiner; `when someone says`: a hypothetical.
  if (/\b(?:their|his|her|its|our|my|your|the|a|an)\s+$/i.test(text.slice(cue.start - 8, cue.start)) || /\b(?:when|whenever|if|unless|until)\s+$/i.test(text.slice(Math.max(from, s - 10), s))) return null;
  return { ref: { start: s, end: s + phrase.length, mention: null }, phraseStart: s };
}

/**
 * `Political observers in Brill and around the country say …`, `Those close to him say …`,
 * `Many speakers at the service — including farmers and sailors — said …`: a sentence that opens
 * with its subject, with no verb before the reporting verb (dash appositives aside).
 */
function sentenceSubject(ctx: AttributionContext, from: number, cue: Range): { ref: SpeakerRef; phraseStart: number } | null {
  const si = ctx.sentenceOf(cue.start);
  const start = ctx.doc.sentences[si]!.start;
  if (start < from || cue.start - start > 160) return null;
  const phrase = ctx.text.slice(start, cue.start);
  if (/["“”«»:;,]/.test(phrase.replace(/\s[—–]\s[^—–]{1,80}\s[—–]\s*$/, ' '))) return null;
  const words = phrase.match(/[\p{L}\p{N}'’%-]+/gu) ?? [];
  if (words.length < 2 || words.length > 14) return null;
  const toks = ctx.doc.tokens;
  let noun = false;
  let first = '';
  let last = '';
  for (let i = lowerBound(toks, (t) => t.start, start); i < toks.length && toks[i]!.start < cue.start; i++) {
    const t = toks[i]!;
    if (t.pos === 'PUNCT') continue;
    if (!first) first = t.pos;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      // A participle inside the noun phrase (`those surveyed`, `people living near the pier`).
      if (!/(?:ing|ed)$/.test(ctx.text.slice(t.start, t.end))) return null;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') noun = true;
    last = t.pos;
  }
  if (!/^(?:Those|Some|Many|Most|Others|Several|Few|All|Both)$/.test(words[0]!) && (!noun || first === 'ADP' || first === 'SCONJ' || first === 'ADV' || first === 'PRON' || first === 'CCONJ')) return null;
  if (last === 'ADP' || last === 'DET' || last === 'CCONJ' || last === 'PART' || last === 'AUX') return null;
  if (/^(?:it|this|that|there|what|which|who|when|if|as|while)$/i.test(words[0]!)) return null;
  const end = start + phrase.trimEnd().length;
  return { ref: { start, end, mention: null }, phraseStart: start };
}
