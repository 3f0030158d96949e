/**
 * Quotations in a text: “…”, "…", «…», ‘…’, NYT-style ``…'' and ''…'', and straight '…' pairs
 * (headlines). Typographic marks pair by direction; straight double quotes pair in order within
 * a paragraph. A quotation left open at the end of a paragraph runs to its end, and the next
 * paragraph opening with a quote mark continues it (the convention for quotes over several
 * paragraphs): such parts carry `continues` = the index of the part before.
 */
export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when left open). */
  close: number;
  /** The words inside the marks. */
  start: number;
  end: number;
  /** Index of the quote this one continues (a quote over several paragraphs), else -1. */
  continues: number;
  closed: boolean;
}

const OPEN_CLOSE: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’' };

export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  const para = /[^\n]+/g;
  let lastOpenEnded = -1;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    const base = m.index;
    const line = m[0];
    const found = quotesInLine(line);
    const firstNonSpace = line.search(/\S/);
    for (const q of found) {
      const quote: Quote = { open: base + q.open, close: base + q.close, start: base + q.start, end: base + q.end, continues: -1, closed: q.closed };
      if (lastOpenEnded >= 0 && q.open === firstNonSpace) quote.continues = lastOpenEnded;
      out.push(quote);
    }
    const last = found[found.length - 1];
    lastOpenEnded = last && !last.closed ? out.length - 1 : -1;
  }
  return out;
}

interface LineQuote {
  open: number;
  close: number;
  start: number;
  end: number;
  closed: boolean;
}

function trimEnd(line: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(line[e - 1]!)) e--;
  return e;
}

/** Every character a quotation can open with below; the scan jumps from one to the next. */
const MARK = /[`'"“«„‘”]/g;

function quotesInLine(line: string): LineQuote[] {
  const out: LineQuote[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    MARK.lastIndex = i;
    const mark = MARK.exec(line);
    if (!mark) break;
    i = mark.index;
    const ch = line[i]!;
    const two = line.slice(i, i + 2);
    if (two === '``' || (two === "''" && (i === 0 || /[\s([—–-]/.test(line[i - 1]!)) && /\S/.test(line[i + 2] ?? ''))) {
      const close = line.indexOf("''", i + 2);
      if (close < 0) {
        out.push({ open: i, close: n, start: i + 2, end: trimEnd(line, n), closed: false });
        return out;
      }
      out.push({ open: i, close: close + 2, start: i + 2, end: close, closed: true });
      i = close + 2;
      continue;
    }
    if (ch === '"') {
      // Straight quotes pair in order; one left open may close with a curly mark (`"…,” she said`).
      let close = line.indexOf('"', i + 1);
      if (close < 0) close = line.indexOf('”', i + 1);
      if (close < 0) {
        if (/\S/.test(line.slice(i + 1))) out.push({ open: i, close: n, start: i + 1, end: trimEnd(line, n), closed: false });
        return out;
      }
      out.push({ open: i, close: close + 1, start: i + 1, end: close, closed: true });
      i = close + 1;
      continue;
    }
    const want = OPEN_CLOSE[ch];
    if (want && ch === '‘') {
      // A single curly quote opens only before a letter after a space; it closes at ’ + non-letter.
      if ((i === 0 || /[\s([—–-]/.test(line[i - 1]!)) && /[\p{L}\d]/u.test(line[i + 1] ?? '')) {
        const re = /’(?![\p{L}])/gu;
        re.lastIndex = i + 1;
        const c = re.exec(line);
        if (c && c.index - i > 2) {
          out.push({ open: i, close: c.index + 1, start: i + 1, end: c.index, closed: true });
          i = c.index + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (want) {
      // Nested marks of the same kind are rare in news: the first closing mark ends it; with
      // none, a straight mark may close it (`“…," she said`).
      let close = line.indexOf(want, i + 1);
      if (close < 0 && ch === '“') close = line.indexOf('"', i + 1);
      if (close < 0) {
        out.push({ open: i, close: n, start: i + 1, end: trimEnd(line, n), closed: false });
        return out;
      }
      out.push({ open: i, close: close + 1, start: i + 1, end: close, closed: true });
      i = close + 1;
      continue;
    }
    if (ch === '”' && (i === 0 || /[\s(]/.test(line[i - 1]!)) && /[\p{L}\d]/u.test(line[i + 1] ?? '')) {
      // A closing mark typed for an opening one (`”The pier is safe.” ― Ada Vell`).
      const close = line.slice(i + 1).search(/[”"]/);
      if (close > 0) {
        out.push({ open: i, close: i + close + 2, start: i + 1, end: i + 1 + close, closed: true });
        i += close + 2;
        continue;
      }
    }
    if (ch === "'" && (i === 0 || /[\s([—–-]/.test(line[i - 1]!)) && /\p{L}/u.test(line[i + 1] ?? '')) {
      // A straight single-quote pair, as headlines write quotations.
      const re = /'(?=[\s.,;:!?)\]—–-]|$)/g;
      re.lastIndex = i + 1;
      const c = re.exec(line);
      if (c && /\s/.test(line.slice(i + 1, c.index)) && !/[“”"]/.test(line.slice(i + 1, c.index))) {
        out.push({ open: i, close: c.index + 1, start: i + 1, end: c.index, closed: true });
        i = c.index + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}
