/** `Ada Vell said (on Monday) (that) the port would close` / `She said: "…"` -> content after the verb. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent, posIn, trimRange } from '../context.js';
import { ASKED_CLAUSE } from './asked-clause.js';

const LEADING_CLAUSE = /^(?:When|If|Because|Unless|Since|Once|Until|Whether|Even if|In order to)\b/;
const CHANNEL_OBJECT = /^(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:post|statement|message|video|letter|tweet|speech|address)\b/i;
const SUBORDINATE = /^(?:of|about|on\s+(?:the|a|an)\s+\w+$|when|after|before|while|as|because|since|during|until|once|in\s+response|responding|referring|speaking|following|according|amid|without|with|by)(?![\p{L}])/iu;

/** The speaker is the subject of a relative clause: `Vell, who said …`. */
const RELATIVE_SPEAKER = /,\s+who\s+(?:\p{Ll}+\s+){0,2}$/u;
/** A comma (maybe inside a closing quote) before a lower-case word: where a verb there takes the main clause back. */
const MAIN_VERB_BACK = /,["”’]?\s+(?=\p{Ll})/gu;

/** ", though she did not specify …": the narrator on the speaker's own words, after the content. */
const NARRATOR_ASIDE = /,\s+(?:though|although|but)\s+(?:he|she|they)\s+(?:did\s+not|didn['’]t|declined\s+to|would\s+not|wouldn['’]t|gave\s+no|offered\s+no|provided\s+no)(?![\p{L}])/iu;

function hasVerb(ctx: Parameters<SiteRule['apply']>[0], r: { start: number; end: number }): boolean {
  return posIn(ctx, r.start, r.end, ['VERB', 'AUX']);
}

export const speakerVerbContent: SiteRule = {
  id: 'attribution/speaker-verb-content',
  apply: (ctx, input) => {
    let site = input;
    if (!site.left || !site.after) return null;
    // A fragment such as `, she added.` after a quote is not content.
    const words = ctx.text.slice(site.after.start, site.after.end).match(/[\p{L}\p{N}]+/gu) ?? [];
    // (A bare `yes` or `no` answers a question: `Asked whether …, most said yes.`)
    if (words.length < 2 && !(words.length === 1 && /^(?:yes|no)$/i.test(words[0]!) && /^\s*[.,;]/.test(ctx.text.slice(site.after.end, site.after.end + 2)))) return null;
    // `… she said when asked why` / `…, responding to reports`: a subordinate clause, not content.
    if (!site.complementizer && SUBORDINATE.test(ctx.text.slice(site.after.start, site.after.end))) return null;
    // `The agency, citing an official, reported …`: a participle phrase between commas ends where
    // the main clause's verb comes back.
    let after = site.after;
    if (/ing$/.test(ctx.text.slice(site.cue.start, site.cue.end)) && /,\s*$/.test(ctx.text.slice(Math.max(0, site.cue.start - 3), site.cue.start))) {
      const k = /^[^,;"“”«»]+?,\s+(?=\p{Ll})/u.exec(ctx.text.slice(after.start, after.end));
      if (k && ['VERB', 'AUX'].includes(ctx.posAt.get(after.start + k[0].length) ?? '')) after = trimRange(ctx.text, { start: after.start, end: after.start + k[0].length });
    }
    // `Vell, who said last week that talks would be slow, gave no date`: a relative clause on the
    // speaker ends where the main clause's verb comes back.
    if (RELATIVE_SPEAKER.test(ctx.text.slice(Math.max(0, site.cue.start - 40), site.cue.start))) {
      const text = ctx.text.slice(after.start, after.end);
      for (const m of text.matchAll(MAIN_VERB_BACK)) {
        let at = after.start + m.index + m[0].length;
        // `, later visited`: an adverb may come before the verb.
        if (ctx.posAt.get(at) === 'ADV') at += /^\p{L}+\s+/u.exec(ctx.text.slice(at, at + 30))?.[0].length ?? 0;
        if (!['VERB', 'AUX'].includes(ctx.posAt.get(at) ?? '')) continue;
        const cut = trimRange(ctx.text, { start: after.start, end: after.start + m.index + m[0].length });
        // `Vell, who announced the sanctions at a rally, called it "a big day"`: a bare object is
        // no content of its own; the quotation after it is what the speaker said.
        if (site.complementizer || /["“”«»]/.test(ctx.text.slice(cut.start, cut.end)) || hasVerb(ctx, cut)) after = cut;
        break;
      }
    }
    // `Vell noted that the pier was safe, though she did not say when it would open`: the
    // narrator's aside on what the speaker left unsaid is no part of what she said.
    const aside = NARRATOR_ASIDE.exec(ctx.text.slice(after.start, after.end));
    if (aside && aside.index > 0) after = trimRange(ctx.text, { start: after.start, end: after.start + aside.index });
    site = after === site.after ? site : { ...site, after };
    if (!site.after) return null;
    // `Vell added a seat`, `Reede maintained his lead`: a bare object is no content.
    if (site.verb.clause && !site.complementizer && !/["“”«»]|''/.test(ctx.text.slice(site.after.start, site.after.end)) && !/[:,]\s*$/.test(ctx.text.slice(site.cue.end, site.after.start)) && !hasVerb(ctx, site.after)) return null;
    // `Brix proposed buying Ardent`: a gerund right after such a verb is its object, an act, not speech.
    if (site.verb.clause && !site.complementizer && /^\p{L}+ing(?![\p{L}])/u.test(ctx.text.slice(site.after.start, site.after.end)) && ctx.posAt.get(site.after.start) === 'VERB') return null;
    // `…, citing Ida Marr` / `citing an official`: the object of `cite` is a source, not content.
    if (site.verb.sourceObject && !site.complementizer && !/["“”«»]/.test(ctx.text.slice(site.after.start, site.after.end))) {
      const first = ctx.mentions.find((x) => x.span.start >= site.after!.start && x.span.start <= site.after!.start + 4);
      if (first && first.kind !== 'pronoun' && !hasVerb(ctx, site.after)) return null;
    }
    // `Brill continued its preparations`: `continue` reports speech only before a quotation.
    if (site.verb.clauseEnd && !/^["“«']/.test(ctx.text.slice(site.after.start, site.after.start + 1)) && !/[:,]\s*$/.test(ctx.text.slice(site.cue.end, site.after.start))) return null;
    // `X posted a post today that …`: the verb's object is a channel, not content.
    if (!site.complementizer && CHANNEL_OBJECT.test(ctx.text.slice(site.after.start, site.after.end))) return null;
    // `"…," X replied, before moving on`: with content before the speaker, a clause after a
    // comma is not what was said.
    // `"Q," X said <anything>`: the quotation before the speaker is what was said.
    if (site.before && readContent(ctx, site.before).kind === 'direct' && /^[”"’»']*\s*[,?!—–]?\s*[”"’»']*\s*$/.test(ctx.text.slice(site.before.end, site.leftPhraseStart))) return null;
    // (A participle is not inverted: `…, telling the crowd, “…”` says what follows.)
    if (site.before && !/ing$/.test(ctx.text.slice(site.cue.start, site.cue.end)) && !ASKED_CLAUSE.test(ctx.text.slice(site.before.start, site.before.end)) && /,/.test(ctx.text.slice(site.cue.end, site.after.start)) && /(?:[,”"’»—–]|'')\s*(?:[\p{L}’'-]+\s+){0,3}$/u.test(ctx.text.slice(site.before.start, site.leftPhraseStart))) return null;
    // `X told a Norvish broadcaster.`: after a verb that takes an addressee, words with no verb
    // and no quotation are the addressee, not content.
    if (site.verb.addresseeOnly && !/["“”«»]/.test(ctx.text.slice(site.after.start, site.after.end)) && !hasVerb(ctx, site.after)) return null;
    // `…, she said at the rally in Brill.`: a prepositional phrase with no verb is a setting.
    if (!site.complementizer && ctx.posAt.get(site.after.start) === 'ADP' && !/["“”«»]/.test(ctx.text.slice(site.after.start, site.after.end)) && !hasVerb(ctx, site.after)) return null;
    // `When the pier reopens, she said, ships will dock`: a subordinate clause before the
    // speaker belongs to the content (a concessive one, `While …, X said …`, is the writer's).
    let region = site.after;
    if (site.before && LEADING_CLAUSE.test(ctx.text.slice(site.before.start, site.before.end)) && !ASKED_CLAUSE.test(ctx.text.slice(site.before.start, site.before.end)) && /,\s*$/.test(ctx.text.slice(site.before.start, site.leftPhraseStart))) region = { start: site.before.start, end: site.after.end };
    const { content, kind } = readContent(ctx, region);
    return draftFrom(site, speakerVerbContent.id, content, kind);
  },
};
