/**
 * The terminal report, compact and in plain words: each event with claims (most recent
 * activity first) in a few lines: its status now, one line a dated claim, its undated claims
 * on one line, its conflicts as episodes (the disputed claim, then every source that disputes
 * it). Events no claim speaks of share one line at the end; the sources are listed once,
 * numbered, and each claim cites its number.
 */
import type { ClaimRow, EventView, ReportHead, ReportStream, SourceRow } from './view.js';
import { conflictKindLabel, eventTypeLabel, statusLabel } from '../../core/vocabulary.js';

export interface TextOptions {
  /** Wrap lines longer than this at word boundaries; 0 turns wrapping off. Default 100. */
  width?: number;
}

/** Characters of a quote a claim line keeps (the whole sentence is one link away, in the source). */
export const QUOTE_CHARS = 90;

/** Break a line at spaces so no piece is longer than `width`; pieces after the first get `indent`. */
export function wrap(line: string, width: number, indent: string): string[] {
  if (width <= 0 || line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > (first ? width : width - indent.length)) {
    const max = first ? width : width - indent.length;
    let cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = rest.indexOf(' ', max);
    if (cut <= 0) break;
    out.push((first ? '' : indent) + rest.slice(0, cut));
    rest = rest.slice(cut + 1);
    first = false;
  }
  out.push((first ? '' : indent) + rest);
  return out;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A quote cut at a word near `max` characters, with an ellipsis when cut. */
export function shortQuote(s: string, max = QUOTE_CHARS): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max);
  return `${s.slice(0, cut > max / 2 ? cut : max)}…`;
}

/** A status in words, with its modality when it is not asserted ("possible, hedged"). */
export const statusWords = (r: Pick<ClaimRow, 'status' | 'modality'>): string => (r.modality ? `${statusLabel(r.status)}, ${r.modality}` : statusLabel(r.status));

const who = (r: ClaimRow): string => (r.side ? `${r.source} (${r.side})` : r.source);

/** Where the other outlets carrying a claim are cited: ` (also [4], [7])`. */
const alsoIn = (refs: readonly number[] | undefined): string => (refs?.length ? ` (also ${refs.map((n) => `[${n}]`).join(', ')})` : '');

/** One dated claim: date, who, status, the quote, the source's number. */
export function claimLine(r: ClaimRow, copies?: readonly number[]): string {
  return `${r.date}  ${who(r)}: ${statusWords(r)} "${shortQuote(r.evidence)}" [${r.ref}]${alsoIn(copies)}${r.copyOf ? ' (copy)' : ''}`;
}

/**
 * Claims of copies are folded into the claim they repeat (another outlet carrying it, not
 * another source): the numbers of the copies' sources, by the original's id.
 */
export function copiesOf(claims: readonly ClaimRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const ids = new Set(claims.map((r) => r.id));
  for (const r of claims) {
    if (!r.copyOf || !ids.has(r.copyOf)) continue;
    const list = out.get(r.copyOf) ?? [];
    if (!list.includes(r.ref)) list.push(r.ref);
    out.set(r.copyOf, list);
  }
  return out;
}

/** The claims a reader sees: copies of a claim shown in the event are folded into it. */
export const shownClaims = (claims: readonly ClaimRow[]): ClaimRow[] => {
  const ids = new Set(claims.map((r) => r.id));
  return claims.filter((r) => !r.copyOf || !ids.has(r.copyOf));
};

function eventLines(e: EventView, width: number): string[] {
  const out: string[] = [];
  const push = (line: string, indent: string): void => {
    out.push(...wrap(line, width, indent));
  };
  push(`${e.label} (${eventTypeLabel(e.type)}) · status now: ${statusLabel(e.status)}`, '    ');
  push(`  ${e.participants.length ? e.participants.join(', ') : 'no participant named'}${e.place ? ` · in ${e.place}` : ''}`, '    ');
  const copies = copiesOf(e.claims);
  const shown = shownClaims(e.claims);
  for (const r of shown) if (r.sortDate !== null) push(`  ${claimLine(r, copies.get(r.id))}`, '      ');
  const undated = shown.filter((r) => r.sortDate === null);
  if (undated.length) push(`  undated: ${undated.map((r) => `${who(r)}: ${statusWords(r)} [${r.ref}]`).join('; ')}`, '      ');
  for (const ep of e.episodes) {
    const first = ep.conflicts[0]?.claims[0] ?? ep.claim;
    push(`  disputed: ${first ? `${who(first)}, ${first.date}: ${statusWords(first)} [${first.ref}]` : '(a claim not in the ledger)'}`, '      ');
    for (const k of ep.conflicts) {
      const r = k.claims[1];
      push(`    ${conflictKindLabel(k.kind)}: ${r ? `${who(r)}, ${r.date}: ${statusWords(r)} "${shortQuote(r.evidence)}" [${r.ref}]` : k.explanation}`, '      ');
    }
  }
  return out;
}

/** A source in words, before its location: 'Outlet, 2024-10-03, by A. Writer: Title — '. */
export function sourceWords(s: SourceRow): string {
  const by = s.authors.length ? `by ${s.authors.join(', ')}` : '';
  const head = [s.outlet, s.published, by].filter(Boolean).join(', ');
  return `${head ? `${head}: ` : ''}${s.title ? `${s.title} — ` : ''}`;
}

export const sourceLine = (s: SourceRow): string => `[${s.ref}] ${sourceWords(s)}${s.location}`;

/** Documents stored but not analysed for their language, counted then listed. */
export function notAnalysedLines(v: Pick<ReportHead, 'notAnalysed'>): string[] {
  if (!v.notAnalysed.length) return [];
  return [`Not analysed (not in English yet): ${plural(v.notAnalysed.length, 'document')}`, ...v.notAnalysed.map((d) => `  ${d.language}  ${d.location}`), ''];
}

/** The text report, written an event at a time as the report is read. */
export async function writeText(report: ReportStream, write: (s: string) => void, opts: TextOptions = {}): Promise<void> {
  const width = opts.width ?? 100;
  const v = report.head;
  const lines: string[] = [`walkback report: ${plural(v.documents, 'document')}, ${plural(v.events, 'event')}, ${plural(v.claims, 'claim')}, ${plural(v.conflicts, 'conflict')}`, '', ...notAnalysedLines(v)];
  if (!v.events) lines.push('No events.', '');
  write(lines.join('\n') + '\n');
  for await (const e of report.events()) write([...eventLines(e, width), ''].join('\n') + '\n');
  const tail: string[] = [];
  if (v.without.length) tail.push(...wrap(`Events no claim speaks of (${v.without.length}): ${v.without.join('; ')}`, width, '  '), '');
  const sources = report.sources();
  if (sources.length) {
    tail.push('Sources');
    for (const s of sources) tail.push(...wrap(`  ${sourceLine(s)}`, width, '      '));
    tail.push('');
  }
  tail.push(`Statements placed on no event: ${v.unplacedStatements}`);
  write(tail.join('\n') + '\n');
}
