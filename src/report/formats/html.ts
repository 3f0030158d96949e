/**
 * The HTML report: one self-contained file (inline CSS, no script, no external request) with
 * every event's timeline (claims by date, under the side that made them, colored by status)
 * and its conflicts, both evidence sentences side by side with the evidence marked.
 */
import type { ClaimRow, ConflictRow, EpisodeRow, EventView, ReportHead, ReportStream, SourceRow } from './view.js';
import { conflictKindLabel, eventTypeLabel, statusLabel } from '../../core/vocabulary.js';
import { copiesOf, shownClaims, sourceWords } from './text.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** A class-safe token (status and kind names are, but the ledger is data). */
const token = (s: string): string => s.replace(/[^a-z0-9_-]/gi, '_');

const plural = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;

const badge = (status: string): string => `<span class="badge s-${token(status)}">${esc(statusLabel(status))}</span>`;

/** The sentence with the evidence inside it marked (the evidence alone if it is not found in it). */
function marked(r: ClaimRow): string {
  const i = r.evidence ? r.sentence.indexOf(r.evidence) : -1;
  if (i < 0) return `<mark>${esc(r.evidence || r.sentence)}</mark>`;
  return `${esc(r.sentence.slice(0, i))}<mark>${esc(r.evidence)}</mark>${esc(r.sentence.slice(i + r.evidence.length))}`;
}

const groupOf = (r: ClaimRow): string => r.side ?? r.source;

/** The source of a claim: its number and outlet, linked to the quote in the article when it has a URL; else the file's name. */
function sourceLink(r: ClaimRow): string {
  const name = `[${r.ref}] ${esc(r.cite)}`;
  return r.link ? `<a class="src" href="${esc(r.link)}" rel="noreferrer noopener">${name}</a>` : `<span class="src">${name}</span>`;
}

function claimCard(r: ClaimRow, copies: readonly number[] | undefined): string {
  const modality = r.modality ? ` <span class="muted">${esc(r.modality)}</span>` : '';
  const also = copies?.length ? ` <span class="muted">also carried by ${copies.map((n) => `[${n}]`).join(', ')}</span>` : '';
  const copy = r.copyOf ? ' <span class="muted">(copy)</span>' : '';
  return `<div class="claim s-${token(r.status)}"><div>${badge(r.status)}${modality}</div><div class="who">${esc(r.source)}</div><blockquote>${esc(r.evidence)}</blockquote><div class="doc">${sourceLink(r)}${also}${copy}</div></div>`;
}

/**
 * An event's timeline, a row at a time: the busiest event of a large store has tens of
 * thousands of claims, and its table as one string (joined, then its bytes) would be the
 * report's peak. Each cell's claims are filed once, in the order shown.
 */
function writeTimeline(e: EventView, write: (s: string) => void): void {
  if (!e.claims.length) return write('<p class="muted">No claims.</p>');
  const copies = copiesOf(e.claims);
  const shown = shownClaims(e.claims);
  const sides = [...new Set(shown.map(groupOf))];
  const dates = [...new Set(shown.map((r) => r.date))];
  // Keyed by date, then side.
  const cells = new Map<string, ClaimRow[]>();
  const cellKey = (date: string, side: string): string => `${date}\u0000${side}`;
  for (const r of shown) {
    const key = cellKey(r.date, groupOf(r));
    const cell = cells.get(key);
    if (cell) cell.push(r);
    else cells.set(key, [r]);
  }
  write(`<div class="scroll"><table class="timeline"><thead><tr><th scope="col">Date</th>${sides.map((s) => `<th scope="col">${esc(s)}</th>`).join('')}</tr></thead><tbody>`);
  for (const d of dates) {
    const tds = sides.map((s) => `<td>${(cells.get(cellKey(d, s)) ?? []).map((r) => claimCard(r, copies.get(r.id))).join('')}</td>`).join('');
    write(`<tr><th scope="row">${d === 'unknown' ? 'undated' : `<time>${esc(d)}</time>`}</th>${tds}</tr>`);
  }
  write('</tbody></table></div>');
}

function evidence(r: ClaimRow | null): string {
  if (!r) return '<div class="side muted">(claim not in the ledger)</div>';
  return `<div class="side s-${token(r.status)}"><h4>${esc(r.source)} ${badge(r.status)}</h4><p class="muted"><time>${esc(r.date)}</time> · ${sourceLink(r)}</p><p class="sentence">${marked(r)}</p></div>`;
}

/** A conflict; after the first of its episode, the disputed claim is not shown again. */
function conflict(k: ConflictRow, first: boolean): string {
  const sides = first ? evidence(k.claims[0]) + evidence(k.claims[1]) : evidence(k.claims[1]);
  return `<div class="conflict"><p><span class="kind">${esc(conflictKindLabel(k.kind))}</span> ${esc(k.explanation)}</p><div class="sides">${sides}</div></div>`;
}

function episode(ep: EpisodeRow): string {
  return `<div class="episode">${ep.conflicts.map((k, i) => conflict(k, i === 0)).join('')}</div>`;
}

/** An event's section, written in pieces (see writeTimeline). */
function writeSection(e: EventView, i: number, write: (s: string) => void): void {
  const facts = [`<dt>Type</dt><dd>${esc(eventTypeLabel(e.type))}</dd>`, `<dt>Participants</dt><dd>${e.participants.length ? esc(e.participants.join(', ')) : 'none named'}</dd>`];
  if (e.place) facts.push(`<dt>Place</dt><dd>${esc(e.place)}</dd>`);
  facts.push(`<dt>Last activity</dt><dd>${esc(e.lastActivity ?? 'undated')}</dd>`);
  write(
    [`<section id="event-${i + 1}" aria-labelledby="event-${i + 1}-h">`, `<h2 id="event-${i + 1}-h">${esc(e.label)} ${badge(e.status)}</h2>`, `<dl>${facts.join('')}</dl>`, `<h3>Timeline</h3>`, ''].join('\n'),
  );
  writeTimeline(e, write);
  write('\n');
  if (e.conflicts.length) {
    write(`<h3>Conflicts (${plural(e.episodes.length, 'disputed claim')}, ${plural(e.conflicts.length, 'answer')})</h3>`);
    for (const ep of e.episodes) write(episode(ep));
  }
  write('\n</section>');
}

const CSS = `
:root{--s-proposed:#dbe9f8;--s-agreed:#cfeccf;--s-planned:#d4eef0;--s-held:#b9e0b9;--s-not_agreed:#f7d3cf;--s-not_held:#f1c2bd;--s-postponed:#f6dfc0;--s-cancelled:#eab8b8;--s-possible:#f5efbf;--s-unlikely:#ead9ee;--s-unknown:#e6e6e6}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2329;background:#fbfaf7;margin:0}
header,main,footer{max-width:78rem;margin:0 auto;padding:0 1.5rem}
header{padding-top:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2.5rem 0 .5rem;border-top:2px solid #d9d6cf;padding-top:1rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{margin:0;font-size:1rem}
a{color:#0b5cad}a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.muted{color:#5a6570;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}dt{color:#5a6570}dd{margin:0}
.toc{columns:2 24rem;padding-left:1.4rem}.toc li{break-inside:avoid;margin:.15rem 0}
.badge{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid rgba(0,0,0,.15);background:var(--s,var(--s-unknown));vertical-align:middle;white-space:nowrap}
.s-proposed{--s:var(--s-proposed)}.s-agreed{--s:var(--s-agreed)}.s-planned{--s:var(--s-planned)}.s-held{--s:var(--s-held)}.s-not_agreed{--s:var(--s-not_agreed)}.s-not_held{--s:var(--s-not_held)}.s-postponed{--s:var(--s-postponed)}.s-cancelled{--s:var(--s-cancelled)}.s-possible{--s:var(--s-possible)}.s-unlikely{--s:var(--s-unlikely)}
.scroll{overflow-x:auto}
table.timeline{border-collapse:collapse;width:100%;background:#fff}
.timeline th,.timeline td{border:1px solid #d9d6cf;padding:.4rem;vertical-align:top;text-align:left;min-width:14rem}
.timeline th[scope=row]{min-width:7rem;font-weight:400;color:#5a6570}.timeline thead th{background:#eef0f2}
.claim{background:var(--s,var(--s-unknown));border-left:5px solid rgba(0,0,0,.25);border-radius:6px;padding:.4rem .6rem;margin-bottom:.3rem}
.claim blockquote{margin:.2rem 0;font-style:italic}.claim .doc{font-size:.85rem;color:#3d4650}.claim time{font-weight:600}
.conflict{background:#fff;border:1px solid #d9d6cf;border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
.kind{background:#2b3a48;color:#fff;border-radius:999px;padding:0 .5rem;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media (max-width:720px){.sides{grid-template-columns:1fr}}
.side{border-top:5px solid var(--s,var(--s-unknown));padding-top:.3rem}
.sentence{font-family:Georgia,"Times New Roman",serif;line-height:1.6}
mark{background:#ffe169;box-shadow:0 0 0 2px #ffe169;border-radius:2px;font-weight:600;color:inherit}
footer{padding:2rem 1.5rem;color:#5a6570;font-size:.85rem}
header,main,footer{overflow-wrap:anywhere}.sources li{margin:.2rem 0;overflow-wrap:anywhere}.src{white-space:normal}
.toc{margin:.5rem 0}.toc a{text-decoration:none}.toc a:hover{text-decoration:underline}
@media (max-width:600px){header,main,footer{padding-left:.75rem;padding-right:.75rem}.toc{columns:1;padding-left:1.1rem}.timeline th,.timeline td{min-width:11rem}dl{grid-template-columns:1fr}dt{font-weight:600}}
@media print{h2{break-before:page}.conflict,.claim{break-inside:avoid}}
`;

export interface HtmlOptions {
  /** When the report is written (shown in its header); default now. */
  generatedAt?: Date;
}

/**
 * Items written a piece at a time between their opening and closing tags: a store of tens of
 * thousands of events or sources would make one string of tens of megabytes (and its bytes
 * again when written).
 */
function writeList<T>(write: (s: string) => void, open: string, items: readonly T[], item: (x: T, i: number) => string, close: string, separator = ''): void {
  const PIECE = 1000;
  write(open);
  for (let i = 0; i < items.length; i += PIECE) {
    write((i ? separator : '') + items.slice(i, i + PIECE).map((x, j) => item(x, i + j)).join(separator));
  }
  write(close);
}

function writeSources(write: (s: string) => void, sources: SourceRow[]): void {
  if (!sources.length) return;
  const item = (src: SourceRow): string => {
    const where = src.url ? `<a href="${esc(src.url)}" rel="noreferrer noopener">${esc(src.url)}</a>` : esc(src.location);
    return `<li id="source-${src.ref}" value="${src.ref}">${esc(sourceWords(src))}${where}</li>`;
  };
  writeList(write, '<section id="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2><ol class="sources">', sources, item, '</ol></section>');
}

function notAnalysed(v: ReportHead): string {
  if (!v.notAnalysed.length) return '';
  const where = (l: string): string => (/^https?:\/\//i.test(l) ? `<a href="${esc(l)}" rel="noreferrer noopener">${esc(l)}</a>` : esc(l));
  return `<details class="muted"><summary>${plural(v.notAnalysed.length, 'document')} not analysed (not in English yet)</summary><ul>${v.notAnalysed.map((d) => `<li>${esc(d.language)} ${where(d.location)}</li>`).join('')}</ul></details>`;
}

/** The claims whose sentences the HTML shows: both sides of each conflict. */
export const conflictClaims = (e: EventView): ClaimRow[] => e.conflicts.flatMap((k) => k.claims.filter((r): r is ClaimRow => r !== null));

/** The HTML report, written an event section at a time as the report is read. */
export async function writeHtml(report: ReportStream, write: (s: string) => void, opts: HtmlOptions = {}): Promise<void> {
  const v = report.head;
  const generated = (opts.generatedAt ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const summary = [plural(v.documents, 'document'), plural(v.events, 'event'), plural(v.claims, 'claim'), plural(v.conflicts, 'conflict')].join(' · ');
  write(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="walkback">
<title>${esc(v.title)} · walkback report</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(v.title)}</h1><p class="muted">walkback report · ${summary} · generated <time datetime="${generated}">${generated.replace('T', ' ').replace('Z', ' UTC')}</time></p>${notAnalysed(v)}</header>
<main>
`);
  const tocItem = (e: ReportHead['shown'][number], i: number): string =>
    `<li><a href="#event-${i + 1}">${esc(e.label)}</a> ${badge(e.status)} <span class="muted">${e.claims}${e.conflicts ? ` · ${plural(e.conflicts, 'conflict')}` : ''}</span></li>`;
  if (v.shown.length) writeList(write, '<nav aria-label="Events"><ol class="toc">', v.shown, tocItem, '</ol></nav>');
  else write('<p>No events with claims.</p>');
  write('\n');
  if (v.without.length) writeList(write, `<details><summary>${plural(v.without.length, 'event')} no claim speaks of</summary><p>`, v.without, (label) => esc(label), '</p></details>', '; ');
  write('\n');
  let i = 0;
  for await (const e of report.events({ sentences: conflictClaims })) {
    if (i) write('\n');
    writeSection(e, i++, write);
  }
  write('\n');
  writeSources(write, report.sources());
  write(`
</main>
<footer>${plural(v.unplacedStatements, 'statement')} placed on no event. Statuses are read from the articles; every claim links to its source.</footer>
</body>
</html>
`);
}
