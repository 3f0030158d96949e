/**
 * Builds a clean text out of pieces of the decoded raw input and keeps the offset map
 * (Doc.offsetMap) as it goes: every piece is copied verbatim from the raw string, so
 * raw.slice(rawOffset(start), rawOffset(end)) equals the clean slice for any kept piece.
 * Separators between paragraphs ('\n') are the only characters not copied from raw.
 */
export class CleanTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly offsetMap: Array<[number, number]> = [];

  /** Append raw.slice(rawStart, rawEnd). */
  push(raw: string, rawStart: number, rawEnd: number): void {
    if (rawEnd <= rawStart) return;
    this.pushText(raw.slice(rawStart, rawEnd), rawStart);
  }

  /** Append a piece that the caller knows is found at rawStart in the raw input. */
  pushText(piece: string, rawStart: number): void {
    if (!piece) return;
    const last = this.offsetMap[this.offsetMap.length - 1];
    // Contiguous with the previous piece: no new map entry needed.
    if (!last || last[1] + (this.length - last[0]) !== rawStart) this.offsetMap.push([this.length, rawStart]);
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** A paragraph break; nothing is added at the very start or twice in a row. */
  newline(): void {
    if (this.length === 0 || this.parts[this.parts.length - 1]!.endsWith('\n')) return;
    this.parts.push('\n');
    this.length += 1;
  }

  /** A space joining two pieces of one paragraph (a hard-wrapped line). */
  space(): void {
    if (this.length === 0) return;
    this.parts.push(' ');
    this.length += 1;
  }

  get size(): number {
    return this.length;
  }

  /** The text with a trailing paragraph break removed. */
  build(): { text: string; offsetMap: Array<[number, number]> } {
    let text = this.parts.join('');
    if (text.endsWith('\n')) text = text.slice(0, -1);
    return { text, offsetMap: this.offsetMap.length ? this.offsetMap : [[0, 0]] };
  }
}
