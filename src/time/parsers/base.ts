/**
 * A news parser is one pattern and one extract, as a chrono Parser: the pattern is compiled
 * once from the time lexicon; extract returns an Annotation (type, TIMEX3 value, interval) or
 * null for "not mine". Patterns use look-arounds for word boundaries so match.index is the
 * expression's start; no `g` flag (chrono re-runs exec on the rest of the text).
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { timeLexicon, type TimeLexicon } from '../lexicon.js';
import { compiledLexicon } from '../../core/lexicon.js';
import { anchorDay } from '../context.js';
import { annotate, type Annotation } from '../tags.js';

export interface NewsParserSpec {
  id: string;
  pattern: (lex: TimeLexicon) => string;
  extract: (ctx: ParsingContext, m: RegExpMatchArray, lex: TimeLexicon) => Omit<Annotation, 'rule'> | null;
  /**
   * Words every match contains (a regex source, tested anywhere in the text, case-insensitive):
   * without one, chrono does not run this parser on the text (parser-gates.ts).
   */
  gate?: (lex: TimeLexicon) => string;
}

export function newsParser(spec: NewsParserSpec): Parser & { id: string; gate(): RegExp | null } {
  const regex = compiledLexicon(() => new RegExp(`(?<![\\w'’-])(?:${spec.pattern(timeLexicon())})(?![\\w'’])`, 'i'));
  const gate = compiledLexicon(() => (spec.gate ? new RegExp(spec.gate(timeLexicon()), 'i') : null));
  return {
    id: spec.id,
    gate,
    pattern: () => regex(),
    extract: (ctx, m) => {
      const a = spec.extract(ctx, m, timeLexicon());
      if (!a) return null;
      const r = ctx.createParsingResult(m.index!, m[0]);
      // A certain year makes chrono's refiners treat the result as a date: without it an
      // annotation-only result looks like a bare time and gets merged with its neighbours.
      const y = a.interval?.start ? Number(a.interval.start.slice(0, 4)) : anchorDay(ctx).y;
      r.start.assign('year', y);
      // On the start components, so that a merged range keeps each side's own annotation.
      annotate(r.start, { type: a.type, value: a.value, interval: a.interval, rule: spec.id });
      r.addTag(`parser/${spec.id}`);
      return r;
    },
  };
}
