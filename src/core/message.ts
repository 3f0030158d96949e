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

/**
 * A name or message made safe for one terminal line: control characters (newlines, escape
 * sequences, C1 controls) and the bidirectional overrides that reorder what a line shows are
 * written as escapes (`\n`, `\x1b`, `\u202e`), so a file name cannot forge lines or colours.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const code = c.charCodeAt(0);
    return named[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
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
    return printable(`${this.item}${this.line ? `:${this.line}` : ''}  error  ${this.message}  ${this.ruleId}`);
  }
}
