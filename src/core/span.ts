/**
 * A Span is a view into a document's clean text: offsets plus the rule that made it.
 * Text is always sliced from the document, never copied into the record, so that every
 * item in the ledger can be shown in its original context.
 */
export type RuleId = string;

export interface Span {
  /** UTF-16 index into Doc.text, inclusive. */
  readonly start: number;
  /** UTF-16 index into Doc.text, exclusive. */
  readonly end: number;
  /** The rule that produced this span, e.g. 'attribution/quote-speaker-verb'. */
  readonly rule: RuleId;
}

export function span(start: number, end: number, rule: RuleId): Span {
  if (end < start) throw new RangeError(`span end ${end} before start ${start} (${rule})`);
  return { start, end, rule };
}

export function sliceSpan(text: string, s: Pick<Span, 'start' | 'end'>): string {
  return text.slice(s.start, s.end);
}

/** Shrink a span so it neither starts nor ends with white space or the given punctuation. */
export function trimSpan(text: string, s: Span, chars = ' \t\n\r'): Span {
  let { start, end } = s;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return { start, end, rule: s.rule };
}

export function overlaps(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Pick<Span, 'start' | 'end'>, inner: Pick<Span, 'start' | 'end'>): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
