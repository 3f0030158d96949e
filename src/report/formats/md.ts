/**
 * The Markdown report, in plain words: one section per event with claims (most recent activity
 * first) with a timeline table, its undated claims on one line and its conflicts as episodes;
 * each claim cites its source by number, linked to the quote in the article; the sources last.
 */
import type { ClaimRow, EventView, ReportStream } from './view.js';
import { copiesOf, plural, shortQuote, shownClaims, sourceWords, statusWords } from './text.js';
import { conflictKindLabel, eventTypeLabel, statusLabel } from '../../core/vocabulary.js';

/** Escape text for a Markdown table cell or inline run (intraword underscores, as in not_agreed, are left alone). */
export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*`[\]<>])/g, '\\$1');
}

/** A source's number, linked to the quote in the article when it has a URL. */
const cite = (r: ClaimRow): string => (r.link ? `[[${r.ref}]](${mdUrl(r.link)})` : `[${r.ref}]`);

/** A URL inside Markdown link parentheses: spaces and parentheses escaped. */
const mdUrl = (u: string): string => u.replace(/[ ()]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));

function eventSection(e: EventView): string[] {
  const out: string[] = [`## ${mdEscape(e.label)}`, ''];
  out.push(`${mdEscape(eventTypeLabel(e.type))} · status now: **${statusLabel(e.status)}** · ${e.participants.length ? e.participants.map(mdEscape).join(', ') : 'no participant named'}${e.place ? ` · in ${mdEscape(e.place)}` : ''}`, '');
  const copies = copiesOf(e.claims);
  const shown = shownClaims(e.claims);
  const dated = shown.filter((r) => r.sortDate !== null);
  if (dated.length) {
    out.push('| Date | Source | Status | Evidence |', '|---|---|---|---|');
    for (const r of dated) {
      const who = r.side ? `${r.source} (${r.side})` : r.source;
      const also = (copies.get(r.id) ?? []).map((n) => ` [${n}]`).join('');
      out.push(`| ${r.date} | ${mdEscape(who)} | ${statusWords(r)} | "${mdEscape(shortQuote(r.evidence))}" ${cite(r)}${also ? ` (also${also})` : ''} |`);
    }
    out.push('');
  }
  const undated = shown.filter((r) => r.sortDate === null);
  if (undated.length) out.push(`Undated: ${undated.map((r) => `${mdEscape(r.source)}: ${statusWords(r)} ${cite(r)}`).join('; ')}`, '');
  for (const ep of e.episodes) {
    const first = ep.conflicts[0]?.claims[0] ?? ep.claim;
    out.push(first ? `- Disputed: ${mdEscape(first.source)}, ${first.date}: ${statusWords(first)} "${mdEscape(shortQuote(first.evidence))}" ${cite(first)}` : '- Disputed: a claim not in the ledger');
    for (const k of ep.conflicts) {
      const r = k.claims[1];
      out.push(`  - **${conflictKindLabel(k.kind)}**: ${r ? `${mdEscape(r.source)}, ${r.date}: ${statusWords(r)} "${mdEscape(shortQuote(r.evidence))}" ${cite(r)}` : mdEscape(k.explanation)}`);
    }
    out.push('');
  }
  return out;
}

/** The Markdown report, written an event at a time as the report is read. */
export async function writeMarkdown(report: ReportStream, write: (s: string) => void): Promise<void> {
  const v = report.head;
  const lines: string[] = [`# ${mdEscape(v.title)}`, '', [plural(v.documents, 'document'), plural(v.events, 'event'), plural(v.claims, 'claim'), plural(v.conflicts, 'conflict')].join(' · '), ''];
  if (v.notAnalysed.length) {
    lines.push(`**Not analysed (not in English yet):** ${v.notAnalysed.map((d) => `${d.language} ${mdEscape(d.location)}`).join('; ')}`, '');
  }
  if (!v.events) lines.push('No events.', '');
  write(lines.join('\n') + '\n');
  for await (const e of report.events()) write(eventSection(e).join('\n') + '\n');
  const tail: string[] = [];
  if (v.without.length) tail.push(`## Events no claim speaks of (${v.without.length})`, '', v.without.map(mdEscape).join('; '), '');
  const sources = report.sources();
  if (sources.length) {
    tail.push('## Sources', '');
    for (const s of sources) tail.push(`${s.ref}. ${mdEscape(sourceWords(s))}${s.url ? `<${mdUrl(s.url)}>` : mdEscape(s.location)}`);
    tail.push('');
  }
  tail.push(`${plural(v.unplacedStatements, 'statement')} placed on no event.`);
  write(tail.join('\n') + '\n');
}
