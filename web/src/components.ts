import { h, badge, markText, showDate, fmt, STATUS_LABEL } from './dom.js';
import { href, enc } from './route.js';
import type { ClaimEvidence, ClaimView, ConflictView, Page } from './api.js';
import { kindBadge } from './dom.js';
import { quoteLink } from '../../src/core/source-ref.js';

/** "1–50 of 1,234" with previous/next links that keep the other query parameters. */
export function pager(page: Page<unknown>, path: string, query: Record<string, string | number | undefined>, label: string): HTMLElement {
  if (page.total === 0) return h('span', { hidden: true });
  const from = page.offset + 1;
  const to = Math.min(page.offset + page.items.length, page.total);
  const prev = page.offset > 0 ? href(path, { ...query, offset: Math.max(0, page.offset - page.limit) }) : null;
  const next = page.offset + page.limit < page.total ? href(path, { ...query, offset: page.offset + page.limit }) : null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': `${label} pages` },
    h('span', { class: 'count' }, `${fmt(from)}–${fmt(to)} of ${fmt(page.total)}`),
    prev ? h('a', { href: prev, rel: 'prev', class: 'button' }, '← Previous') : h('span', { class: 'button disabled', 'aria-disabled': 'true' }, '← Previous'),
    next ? h('a', { href: next, rel: 'next', class: 'button' }, 'Next →') : h('span', { class: 'button disabled', 'aria-disabled': 'true' }, 'Next →'),
  );
}

/**
 * The document in this UI (with the quote marked), and, when the input gave its URL, the article
 * itself, opened at the quote where the browser knows text fragments (core/source-ref.ts).
 */
export const docLink = (doc: { id: string; title: string | null; source: string; outlet: string | null; published: string | null; url?: string | null }, mark?: { start: number; end: number }, quote?: string): HTMLElement => {
  const here = h(
    'a',
    { href: href(`documents/${enc(doc.id)}`, mark ? { mark: `${mark.start}-${mark.end}` } : {}), class: 'doc-link' },
    doc.title ?? doc.source,
    doc.outlet ? h('span', { class: 'muted' }, ` · ${doc.outlet}`) : null,
  );
  if (!doc.url) return here;
  const article = h('a', { href: quote ? quoteLink(doc.url, quote) : doc.url, class: 'source-link', rel: 'noopener noreferrer', target: '_blank' }, 'article ↗');
  return h('span', { class: 'doc-links' }, here, ' · ', article);
};

export function claimCard(c: ClaimView): HTMLElement {
  return h(
    'article',
    { class: `claim status-${c.status}`, 'data-claim': c.id },
    h('p', { class: 'claim-head' }, h('time', {}, c.sortDate ?? 'undated'), ' ', badge(c.status), c.modality !== 'asserted' ? h('span', { class: 'modality' }, c.modality) : null),
    h('p', { class: 'claim-source' }, c.source ? h('a', { href: href(`entities/${enc(c.source)}`) }, c.sourceName) : c.sourceName),
    h('blockquote', {}, c.text),
    h('p', { class: 'claim-doc' }, docLink(c.doc, c.span, c.text)),
  );
}

export function evidencePanel(ev: ClaimEvidence, label: string): HTMLElement {
  if (!ev.claim) return h('div', { class: 'evidence missing' }, `${label}: claim not in the ledger`);
  const c = ev.claim;
  const ctx = ev.context;
  return h(
    // A group, not a section: the same claim may show in several episodes, and landmarks must be unique.
    'div',
    { class: `evidence status-${c.status}`, role: 'group', 'aria-label': `${label}: ${c.sourceName}, ${c.sortDate ?? 'undated'}` },
    h('h3', {}, c.source ? h('a', { href: href(`entities/${enc(c.source)}`) }, c.sourceName) : c.sourceName, ' ', badge(c.status)),
    h('p', { class: 'muted' }, h('time', {}, c.sortDate ?? 'undated'), ' · ', docLink(c.doc, c.span, c.text)),
    ctx
      ? h('p', { class: 'context' }, ctx.offset > 0 ? '… ' : '', markText(ctx.text, [{ start: ctx.start, end: ctx.end, className: 'evidence-mark', title: `${c.status} (${c.rule})` }]), ' …')
      : h('blockquote', {}, c.text),
  );
}

/**
 * An episode (conflicts/episodes.ts): the disputed claim with its evidence, shown once, then
 * every source that disputes it, each with its own evidence and the kind of conflict.
 */
export function episodeCard(conflicts: ConflictView[], withEvent = false): HTMLElement {
  const first = conflicts[0]!;
  const disputed = first.a.claim;
  const sources = new Set(conflicts.map((k) => k.b.claim?.sourceName ?? ''));
  return h(
    'article',
    { class: 'episode', id: `episode-${first.id}` },
    withEvent ? h('h2', { class: 'episode-event' }, h('a', { href: href(`events/${enc(first.event)}`) }, first.eventLabel ?? first.event)) : null,
    h(
      'p',
      { class: 'episode-head' },
      disputed ? `${disputed.sourceName}: ${STATUS_LABEL[disputed.status] ?? disputed.status}, ${disputed.sortDate ?? 'undated'}` : 'A claim not in the ledger',
      ` — disputed by ${sources.size} source${sources.size === 1 ? '' : 's'}`,
    ),
    evidencePanel(first.a, 'Disputed claim'),
    h(
      'ol',
      { class: 'disputes' },
      conflicts.map((k) =>
        h(
          'li',
          { class: 'conflict', id: `conflict-${k.id}` },
          h('p', { class: 'dispute-head' }, kindBadge(k.kind), ' ', k.explanation),
          evidencePanel(k.b, k.kind.replace(/_/g, ' ')),
          h('p', { class: 'rule muted' }, `rule ${k.rule}`),
        ),
      ),
    ),
  );
}

export const dateText = showDate;

export interface Column<T> {
  head: string;
  cell: (row: T) => Node | string | null;
  /** Numbers align right. */
  num?: boolean;
}

/**
 * A table that fits any width: on a narrow screen (style.css) each row stacks into a card and
 * each cell shows its column's name (data-label), so nothing scrolls sideways.
 */
export function dataTable<T>(caption: string, columns: Array<Column<T>>, rows: T[], className = ''): HTMLElement {
  return h(
    'table',
    { class: `data ${className}`.trim() },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.head)))),
    h(
      'tbody',
      {},
      rows.map((r) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.head, class: c.num ? 'num' : null }, c.cell(r))))),
    ),
  );
}
