/** `Ada Vell said (on Monday) (that) the port would close` / `She said: "…"` -> content after the verb. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent, posIn, trimRange } from '../context.js';
import { ASKED_CLAUSE } from './asked-clause.js';

const LEADING_CLAUSE = /^(?:When|If|Because|Unless|Since|Once|Until|Whether|Even if|In order to)\b/;
const CHANNEL_OBJECT = /^(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:post|statement|message|video|letter|tweet|speech|address)\b/i;
const SUBORDINATE = /^(?:of|about|on\s+(?:the|a|an)\s+\w+$|when|after|before|while|as|because|since|during|until|once|in\s+response|responding|referring|speaking|following|according|amid|without|with|by)(?![\p{L}])/iu;

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
