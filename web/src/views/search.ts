import { api, type SearchResult } from '../api.js';
import { h, snippet, fmt } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { docLink, pager } from '../components.js';

const LIMIT = 25;

export async function searchPage(route: Route): Promise<HTMLElement[]> {
  const q = route.query.get('q') ?? '';
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (input && input.value !== q) input.value = q;
  if (!q.trim()) return [h('h1', {}, 'Search'), h('p', {}, 'Type words from a quote or an article in the search box; put a phrase in "double quotes".')];
  const r = await api<SearchResult>('search', { q, limit: LIMIT, offset });
  return [
    h('h1', {}, 'Search: ', h('q', {}, q)),
    h(
      'section',
      { 'aria-labelledby': 'sr-st' },
      h('h2', { id: 'sr-st' }, `Statements (${fmt(r.statements.total)})`),
      h(
        'ol',
        { class: 'hits' },
        r.statements.items.map(({ item: s, snippet: sn }) =>
          h(
            'li',
            { class: 'hit-statement' },
            h('p', {}, s.speaker ? h('a', { href: href(`entities/${enc(s.speaker)}`) }, s.speakerName ?? s.speakerText) : s.speakerText, ': ', h('span', { class: 'snippet' }, snippet(sn))),
            h('p', { class: 'muted' }, docLink(s.doc, s.span)),
          ),
        ),
      ),
      pager(r.statements, 'search', { q }, 'Statement results'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'sr-doc' },
      h('h2', { id: 'sr-doc' }, `Documents (${fmt(r.documents.total)})`),
      h(
        'ol',
        { class: 'hits' },
        r.documents.items.map(({ item: d, snippet: sn }) => h('li', {}, h('p', {}, docLink(d)), h('p', { class: 'snippet' }, snippet(sn)))),
      ),
    ),
  ];
}
