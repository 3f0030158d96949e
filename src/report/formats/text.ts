/**
 * The terminal report: each event (most recent activity first) with its status now, its
 * timeline of claims by statement date, and its conflicts with both evidence sentences.
 */
import type { Doc, Ledger } from '../../core/types.js';
import { buildView, type ClaimRow, type EventView } from './view.js';

export interface TextOptions {
  /** Wrap lines longer than this at word boundaries; 0 turns wrapping off. Default 100. */
  width?: number;
}

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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function claimLine(r: ClaimRow): string {
  const who = r.side ? `${r.source} (${r.side})` : r.source;
  const status = r.modality ? `${r.status} [${r.modality}]` : r.status;
  const copy = r.copyOf ? ' [copy]' : '';
  return `${r.date} · ${who} · ${status} · "${r.evidence}" — ${r.document}${copy}`;
}

function eventLines(e: EventView, width: number): string[] {
  const out: string[] = [];
  const push = (line: string, indent: string): void => {
    out.push(...wrap(line, width, indent));
  };
  out.push(`${e.label} (${e.type})`);
  push(`  participants: ${e.participants.length ? e.participants.join(', ') : 'none named'}`, '    ');
  if (e.place) out.push(`  place: ${e.place}`);
  out.push(`  status now: ${e.status}`);
  out.push('  timeline:');
  if (!e.claims.length) out.push('    (no claims)');
  for (const r of e.claims) push(`    ${claimLine(r)}`, '        ');
  if (e.conflicts.length) {
    out.push('  conflicts:');
    // An episode quotes its disputed claim once, then each answer to it.
    for (const ep of e.episodes) {
      ep.conflicts.forEach((k, i) => {
        push(`    ${k.kind}: ${k.explanation}`, '        ');
        for (const r of i === 0 ? k.claims : [k.claims[1]]) {
          if (r) push(`      "${r.sentence}" — ${r.source}, ${r.date}`, '        ');
        }
      });
    }
  }
  return out;
}

export function renderText(docs: readonly Doc[], ledger: Ledger, opts: TextOptions = {}): string {
  const width = opts.width ?? 100;
  const v = buildView(docs, ledger);
  const lines: string[] = [
    `walkback report: ${plural(v.documents, 'document')}, ${plural(v.events.length, 'event')}, ${plural(v.claims, 'claim')}, ${plural(v.conflicts, 'conflict')}`,
    '',
  ];
  if (!v.events.length) lines.push('No events.', '');
  for (const e of v.events) lines.push(...eventLines(e, width), '');
  lines.push(`Unplaced statements: ${v.unplacedStatements}`);
  return lines.join('\n') + '\n';
}
