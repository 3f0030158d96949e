/**
 * Positioned messages, after vfile: a bad input never throws past its file; it gets a
 * message with a place and a rule, the batch goes on.
 */
export interface Message {
  reason: string;
  ruleId: string;
  /** true: the item was rejected; false: a warning; undefined: a note. */
  fatal?: boolean;
  place?: { start: number; end: number } | { line: number; column?: number };
}

export class InputError extends Error {
  constructor(
    public readonly item: string,
    reason: string,
    public readonly ruleId: string,
    public readonly line?: number,
  ) {
    super(reason);
    this.name = 'InputError';
  }

  /** One line naming the item and the problem, as the CLI prints it. */
  format(): string {
    return `${this.item}${this.line ? `:${this.line}` : ''}  error  ${this.message}  ${this.ruleId}`;
  }
}
