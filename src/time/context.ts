/**
 * The parsing option our parsers and refiners read: the reference day, or none when the
 * document has no date (then relative expressions keep partial values).
 */
import type { ParsingContext, ParsingOption } from 'chrono-node';
import type { Ymd } from './calendar.js';

export interface NewsOption extends ParsingOption {
  /** The reference (publication) day; null when the document is undated. */
  reference: Ymd | null;
  /** The day chrono is given when there is no reference (never shown: values become partial). */
  placeholder: Ymd;
  /** The whole sentence the parsed text is a window of, and where the window starts in it. */
  sentence?: string;
  offset?: number;
}

/** The sentence around the parsed text and the offset of the text in it (for tense cues). */
export const sentenceOf = (ctx: ParsingContext): { text: string; offset: number } => {
  const o = newsOption(ctx);
  return o.sentence !== undefined ? { text: o.sentence, offset: o.offset ?? 0 } : { text: ctx.text, offset: 0 };
};

export const newsOption = (ctx: ParsingContext): NewsOption => ctx.option as NewsOption;
/** The day relative expressions are anchored to (the placeholder when undated). */
export const anchorDay = (ctx: ParsingContext): Ymd => newsOption(ctx).reference ?? newsOption(ctx).placeholder;
export const anchored = (ctx: ParsingContext): boolean => newsOption(ctx).reference !== null;
