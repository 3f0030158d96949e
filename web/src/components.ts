import { h, badge, markText, showDate, fmt } from './dom.js';
import { href, enc } from './route.js';
import type { ClaimEvidence, ClaimView, ConflictView, Page } from './api.js';
import { kindBadge } from './dom.js';

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

export const docLink = (doc: { id: string; title: string | null; source: string; outlet: string | null; published: string | null }, mark?: { start: number; end: number }): HTMLElement =>
  h(
    'a',
    { href: href(`documents/${enc(doc.id)}`, mark ? { mark: `${mark.start}-${mark.end}` } : {}), class: 'doc-link' },
    doc.title ?? doc.source,
    doc.outlet ? h('span', { class: 'muted' }, ` · ${doc.outlet}`) : null,
  );

export function claimCard(c: ClaimView): HTMLElement {
  return h(
    'article',
    { class: `claim status-${c.status}`, 'data-claim': c.id },
    h('p', { class: 'claim-head' }, h('time', {}, c.sortDate ?? 'undated'), ' ', badge(c.status), c.modality !== 'asserted' ? h('span', { class: 'modality' }, c.modality) : null),
    h('p', { class: 'claim-source' }, c.source ? h('a', { href: href(`entities/${enc(c.source)}`) }, c.sourceName) : c.sourceName),
    h('blockquote', {}, c.text),
    h('p', { class: 'claim-doc' }, docLink(c.doc, c.span)),
  );
}

function evidencePanel(ev: ClaimEvidence, label: string): HTMLElement {
  if (!ev.claim) return h('div', { class: 'evidence missing' }, `${label}: claim not in the ledger`);
  const c = ev.claim;
  const ctx = ev.context;
  return h(
    'section',
    { class: `evidence status-${c.status}`, 'aria-label': `${label}: ${c.sourceName}, ${c.sortDate ?? 'undated'}` },
    h('h4', {}, c.source ? h('a', { href: href(`entities/${enc(c.source)}`) }, c.sourceName) : c.sourceName, ' ', badge(c.status)),
    h('p', { class: 'muted' }, h('time', {}, c.sortDate ?? 'undated'), ' · ', docLink(c.doc, c.span)),
    ctx
      ? h('p', { class: 'context' }, ctx.offset > 0 ? '… ' : '', markText(ctx.text, [{ start: ctx.start, end: ctx.end, className: 'evidence-mark', title: `${c.status} (${c.rule})` }]), ' …')
      : h('blockquote', {}, c.text),
  );
}

export function conflictCard(k: ConflictView, withEvent = false): HTMLElement {
  return h(
    'article',
    { class: 'conflict', id: `conflict-${k.id}` },
    h('h3', {}, kindBadge(k.kind), ' ', withEvent ? h('a', { href: href(`events/${enc(k.event)}`) }, k.eventLabel ?? k.event) : k.explanation),
    withEvent ? h('p', {}, k.explanation) : null,
    h('div', { class: 'sides' }, evidencePanel(k.a, 'First claim'), evidencePanel(k.b, 'Second claim')),
    h('p', { class: 'rule muted' }, `rule ${k.rule}`),
  );
}

export const dateText = showDate;
