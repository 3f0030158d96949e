import { api, type SearchResult } from '../api.js';
import { h, snippet, fmt, badge, kindBadge, showDate } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { docLink, pager } from '../components.js';

const LIMIT = 25;

export async function searchPage(route: Route): Promise<HTMLElement[]> {
  const q = route.query.get('q') ?? '';
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (input && input.value !== q) input.value = q;
  if (!q.trim()) return [h('h1', {}, 'Search'), h('p', {}, 'Type words from a quote, an article, an event or a name in the search box; put a phrase in "double quotes".')];
  const r = await api<SearchResult>('search', { q, limit: LIMIT, offset });
  const section = (id: string, title: string, total: number, items: HTMLElement[], more: HTMLElement | null = null): HTMLElement =>
    h('section', { 'aria-labelledby': id }, h('h2', { id }, `${title} (${fmt(total)})`), items.length ? h('ol', { class: 'hits' }, items) : null, more);
  const when = (d: string | null): HTMLElement => h('time', { class: 'hit-date' }, d ?? 'undated');
  return [
    h('h1', {}, 'Search: ', h('q', {}, q)),
    section(
      'sr-ev',
      'Events',
      r.events.total,
      r.events.items.map(({ item: e, snippet: sn }) =>
        h('li', { class: 'hit-event' }, h('p', {}, when(e.lastDate), ' ', h('a', { href: href(`events/${enc(e.id)}`) }, e.label || e.id), ' ', badge(e.status)), h('p', { class: 'snippet muted' }, snippet(sn))),
      ),
    ),
    section(
      'sr-k',
      'Conflicts',
      r.conflicts.total,
      r.conflicts.items.map(({ item: k, snippet: sn }) =>
        h(
          'li',
          { class: 'hit-conflict' },
          h('p', {}, when(k.date), ' ', kindBadge(k.kind), ' ', h('a', { href: `${href(`events/${enc(k.event)}`)}` }, k.eventLabel ?? k.event)),
          h('p', { class: 'snippet' }, snippet(sn)),
        ),
      ),
    ),
    section(
      'sr-st',
      'Statements',
      r.statements.total,
      r.statements.items.map(({ item: s, snippet: sn }) =>
        h(
          'li',
          { class: 'hit-statement' },
          h('p', {}, when(showDate(s.date) === 'undated' ? s.doc.published : showDate(s.date)), ' ', s.speaker ? h('a', { href: href(`entities/${enc(s.speaker)}`) }, s.speakerName ?? s.speakerText) : s.speakerText, ': ', h('span', { class: 'snippet' }, snippet(sn))),
          h('p', { class: 'muted' }, docLink(s.doc, s.span, s.text)),
        ),
      ),
      pager(r.statements, 'search', { q }, 'Statement results'),
    ),
    section(
      'sr-doc',
      'Documents',
      r.documents.total,
      r.documents.items.map(({ item: d, snippet: sn }) => h('li', {}, h('p', {}, when(d.published), ' ', docLink(d)), h('p', { class: 'snippet' }, snippet(sn)))),
    ),
  ];
}
