/**
 * A quotation that stands as a sentence (or a paragraph) with no reporting verb of its own gets
 * its speaker from its neighbours, in this order:
 *  1. `Ada Vell said:` ending the sentence or paragraph before it;
 *  2. a speaker-only sentence right after it (`"…" ` + `Vell said.` split by the segmenter);
 *  3. the quotation continues one (an open quote carried into the next paragraph), or follows a
 *     direct or mixed statement in the same or previous paragraph: the same speaker goes on.
 * Quotations of fewer than four words (titles, scare quotes) are left alone. A paragraph with no
 * quotation marks after `X added:` is what X said too.
 */
import type { Refiner } from './refiner.js';
import type { Draft, CueSite } from '../context.js';
import { trimRange } from '../context.js';

const endsWithAttribution = (d: Draft): boolean => d.rule.endsWith('content-speaker-verb') || d.rule.endsWith('content-verb-speaker');

export const unattributedQuote: Refiner = {
  id: 'attribution/unattributed-quote',
  refine: (ctx, drafts, sites) => {
    const out = [...drafts];
    const covered = (a: number, b: number): boolean => out.some((d) => d.content.start < b && a < d.content.end);
    const intro = new Map<number, CueSite>(); // sentence index -> site with a speaker and no content
    for (const s of sites) if ((s.left || s.right) && !s.after && (!s.before || /:\s*$/.test(ctx.text.slice(s.cue.end, s.sentence.end)))) intro.set(s.sentenceIndex, s);
    const sentences = ctx.doc.sentences;
    for (let qi = 0; qi < ctx.quotes.length; qi++) {
      const q = ctx.quotes[qi]!;
      const r = trimRange(ctx.text, { start: q.start, end: q.end });
      if (r.end <= r.start || covered(r.start, r.end)) continue;
      const words = ctx.text.slice(r.start, r.end).match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length < 4) continue;
      // A quoted title or subhead (`“All Bets Are Off”`) is nobody's statement.
      if (words.length <= 8 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:a|an|the|of|in|on|to|for|and|or|at|by|with|from|as)$/.test(w))) continue;
      const si = ctx.sentenceOf(q.open);
      const sent = sentences[si]!;
      // It must open its sentence (after at most a few words) to stand on its own.
      if (!/^\W*$/.test(ctx.text.slice(sent.start, q.open)) && q.continues < 0) continue;
      let speaker: Draft['speaker'] = null;
      let rule = '';
      let cue: Draft['cue'] = null;
      const prevIntro = intro.get(si - 1);
      const nextSite = intro.get(ctx.sentenceOf(q.close));
      if (prevIntro && /:\s*$/.test(ctx.text.slice(prevIntro.cue.end, sentences[si - 1]!.end))) {
        speaker = prevIntro.left ?? prevIntro.right;
        cue = prevIntro.cue;
        rule = 'attribution/speaker-intro-colon';
      } else if (nextSite && nextSite.sentenceIndex !== si && nextSite.sentenceIndex <= ctx.sentenceOf(q.close) + 1) {
        speaker = nextSite.left ?? nextSite.right;
        cue = nextSite.cue;
        rule = 'attribution/speaker-in-next-sentence';
      } else {
        const para = sent.paragraph;
        // (`The ferry may be late, Marr said. “…”`: a paraphrase ending in its attribution goes on
        // in a quotation right after it.)
        const prev = [...out].reverse().find((d) => d.content.end <= q.open && (d.kind !== 'indirect' || endsWithAttribution(d) && ctx.sentenceOf(d.evidence.end - 1) + 1 === si && sentences[ctx.sentenceOf(d.content.start)]!.paragraph === para) && sentences[ctx.sentenceOf(d.content.start)]!.paragraph >= para - 1 && !!d.speaker);
        if (prev && (q.continues >= 0 || sentences[ctx.sentenceOf(prev.content.start)]!.paragraph >= para - 1)) {
          speaker = prev.speaker;
          rule = 'attribution/quote-continues-speaker';
        }
      }
      if (!speaker) continue;
      out.push({ kind: 'direct', content: r, evidence: { start: sent.start, end: Math.max(sent.end, q.close) }, cue, speaker, addressee: null, channel: null, rule });
    }
    // `The governor added:` + a paragraph with no quotation marks: the paragraph is what he said.
    for (const site of intro.values()) {
      if (!/:\s*$/.test(ctx.text.slice(site.cue.end, site.sentence.end))) continue;
      const next = sentences[site.sentenceIndex + 1];
      if (!next || next.paragraph === site.sentence.paragraph || /^\s*(?:["“«‘']|'')/.test(ctx.text.slice(next.start, next.start + 3))) continue;
      let end = next.end;
      for (let k = site.sentenceIndex + 2; k < sentences.length && sentences[k]!.paragraph === next.paragraph; k++) end = sentences[k]!.end;
      const r = trimRange(ctx.text, { start: next.start, end });
      if (r.end <= r.start || covered(r.start, r.end)) continue;
      out.push({ kind: 'indirect', content: r, evidence: { start: site.sentence.start, end: r.end }, cue: site.cue, speaker: site.left ?? site.right, addressee: site.addressee, channel: site.channel, rule: 'attribution/speaker-intro-colon' });
    }
    return out.sort((a, b) => a.content.start - b.content.start);
  },
};
