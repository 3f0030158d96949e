/**
 * The Markdown report: one section per event (most recent activity first) with a timeline
 * table and the conflicts, each quoting both evidence sentences.
 */
import type { Doc, Ledger } from '../../core/types.js';
import { buildView, type ClaimRow, type EventView } from './view.js';

/** Escape text for a Markdown table cell or inline run (intraword underscores, as in not_agreed, are left alone). */
export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*`[\]<>])/g, '\\$1');
}

const plural = (n: number, one: string): string => `${n} ${n === 1 ? one : `${one}s`}`;

function statusCell(r: ClaimRow): string {
  return r.modality ? `${r.status} [${r.modality}]` : r.status;
}

function eventSection(e: EventView): string[] {
  const out: string[] = [`## ${mdEscape(e.label)}`, ''];
  out.push(`- **Type:** ${e.type}`);
  out.push(`- **Participants:** ${e.participants.length ? e.participants.map(mdEscape).join(', ') : 'none named'}`);
  if (e.place) out.push(`- **Place:** ${mdEscape(e.place)}`);
  out.push(`- **Status now:** ${e.status}`, '');
  out.push('### Timeline', '');
  if (!e.claims.length) out.push('No claims.', '');
  else {
    out.push('| Date | Source | Status | Evidence | Document |', '|---|---|---|---|---|');
    for (const r of e.claims) {
      const who = r.side ? `${r.source} (${r.side})` : r.source;
      const doc = r.copyOf ? `${r.document} (copy)` : r.document;
      out.push(`| ${r.date} | ${mdEscape(who)} | ${statusCell(r)} | "${mdEscape(r.evidence)}" | ${mdEscape(doc)} |`);
    }
    out.push('');
  }
  if (e.conflicts.length) {
    out.push('### Conflicts', '');
    // An episode quotes its disputed claim once, then each answer to it.
    for (const ep of e.episodes) {
      ep.conflicts.forEach((k, i) => {
        out.push(`- **${k.kind}**: ${mdEscape(k.explanation)}`, '');
        const rows = i === 0 ? k.claims : [k.claims[1]];
        const quotes = rows.filter((r): r is ClaimRow => r !== null).map((r) => `  > "${mdEscape(r.sentence)}" — ${mdEscape(r.source)}, ${r.date}`);
        out.push(quotes.join('\n  >\n'), '');
      });
    }
  }
  return out;
}

export function renderMarkdown(docs: readonly Doc[], ledger: Ledger): string {
  const v = buildView(docs, ledger);
  const lines: string[] = [
    '# walkback report',
    '',
    [plural(v.documents, 'document'), plural(v.events.length, 'event'), plural(v.claims, 'claim'), plural(v.conflicts, 'conflict')].join(' · '),
    '',
  ];
  if (!v.events.length) lines.push('No events.', '');
  for (const e of v.events) lines.push(...eventSection(e));
  lines.push('## Unplaced statements', '', `${plural(v.unplacedStatements, 'statement')} placed on no event.`);
  return lines.join('\n') + '\n';
}
