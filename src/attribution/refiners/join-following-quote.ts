/**
 * `"First quote," she said. "Second quote."` in one paragraph: annotators differ on whether that
 * is one statement or two. We keep the second as its own statement (quote-continues-speaker) and
 * widen the first over both, so that either reading finds its match by content.
 */
import type { Refiner } from './refiner.js';
import type { Draft } from '../context.js';

export const joinFollowingQuote: Refiner = {
  id: 'attribution/join-following-quote',
  refine: (ctx, drafts) => {
    const paragraphOf = (o: number): number => ctx.doc.sentences[ctx.sentenceOf(o)]!.paragraph;
    const absorbed = new Set<Draft>();
    for (let i = 0; i + 1 < drafts.length; i++) {
      const a = drafts[i]!;
      if (a.rule.endsWith('quote-continues-speaker') || a.kind !== 'direct' && !a.rule.endsWith('content-speaker-verb') && !a.rule.endsWith('content-verb-speaker')) continue;
      let end = a.content.end;
      for (let j = i + 1; j < drafts.length; j++) {
        const b = drafts[j]!;
        // (A quotation carried over into the next paragraph, its mark left open, goes on too.)
        const carried = (ctx.quoteAt(b.content.start)?.continues ?? -1) >= 0;
        if (!b.rule.endsWith('quote-continues-speaker') || paragraphOf(b.content.start) !== paragraphOf(a.content.start) && !carried) break;
        if (b.speaker?.start !== a.speaker?.start) break;
        end = b.content.end;
        absorbed.add(b);
      }
      if (end > a.content.end) drafts[i] = { ...a, kind: a.kind === 'direct' ? 'direct' : 'mixed', content: { start: a.content.start, end }, evidence: { start: a.evidence.start, end: Math.max(a.evidence.end, end) } };
    }
    return drafts.filter((d) => !absorbed.has(d));
  },
};
