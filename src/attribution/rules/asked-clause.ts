/**
 * `Asked whether the pier would reopen, Vell said …` / `…, and when asked who would pay, most
 * said …`: the question put to someone is a statement of the asker (named after `by`, else
 * unnamed). The content runs from the question word to the first comma outside quotation marks.
 */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange, wordCount } from '../context.js';

/** What may open a sentence before `asked`. */
export const ASKED_LEAD = /^[\s"“]*(?:(?:And|But|So)\s+)?(?:(?:[Ww]hen|[Aa]fter\s+being|[Oo]nce|[Ii]f)\s+)?$/;
/** A clause opening with `Asked …` / `When asked …`: the question, not what the main verb's speaker said. */
export const ASKED_CLAUSE = /^[\s"“]*(?:(?:And|But|So)\s+)?(?:(?:[Ww]hen|[Aa]fter\s+being|[Oo]nce|[Ii]f)\s+)?[Aa]sked\b/;

export const askedClause: SentenceRule = {
  id: 'attribution/asked-clause',
  pattern: () => /(?<![\p{L}])[Aa]sked(?:\s+by\s+((?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+))?(?:\s+(?:on|in|at)\s+(?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]+?)?\s+(?=(?:whether|if|what|who|whom|how|why|when|where|which|to)\s)/gu,
  apply: (ctx, m, sentence) => {
    const text = ctx.text;
    const lead = text.slice(sentence.start, m.index);
    // At the start of the sentence, or opening a clause after a comma or "and".
    if (!ASKED_LEAD.test(lead) && !/(?:,|\band)\s+(?:(?:when|after\s+being|once)\s+)?$/.test(lead)) return null;
    const start = m.index + m[0].length;
    let end = sentence.end;
    for (let i = start; i < sentence.end; i++) {
      if (text[i] !== ',') continue;
      const q = ctx.quoteAt(i);
      // A comma inside a quotation ends the clause only where the quotation closes (`,”`).
      if (q && !/^\s*[”"’]/.test(text.slice(i + 1, i + 3))) continue;
      end = q ? q.close : i;
      break;
    }
    if (end >= sentence.end) return null;
    const region = trimRange(text, { start, end });
    if (wordCount(text.slice(region.start, region.end)) < 3) return null;
    const { content, kind } = readContent(ctx, region);
    const cueAt = m.index;
    const by = m[1] ? m.index + m[0].indexOf(m[1], m[0].search(/\bby\s/)) : -1;
    const mention = by >= 0 ? ctx.mentions.find((x) => x.span.start === by) ?? null : null;
    return {
      kind,
      content,
      evidence: { start: sentence.start, end: sentence.end },
      cue: { start: cueAt, end: cueAt + 5 },
      speaker: by >= 0 ? { start: by, end: mention ? mention.span.end : by + m[1]!.length, mention } : null,
      addressee: null,
      channel: null,
      rule: askedClause.id,
    };
  },
};
