import { api, type ConflictView, type DocumentSummary, type EntitySummary, type Page } from '../api.js';
import { h, fmt } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { conflictCard, docLink, pager } from '../components.js';

const offsetOf = (r: Route): number => Number(r.query.get('offset') ?? 0) || 0;

export async function entitiesPage(route: Route): Promise<HTMLElement[]> {
  const page = await api<Page<EntitySummary>>('entities', { limit: 50, offset: offsetOf(route) });
  return [
    h('h1', {}, 'People and organizations'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...['Name', 'Type', 'Side', 'Statements', 'Claims'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        page.items.map((e) => h('tr', {}, h('td', {}, h('a', { href: href(`entities/${enc(e.id)}`) }, e.name)), h('td', {}, e.type), h('td', {}, e.side ?? '—'), h('td', { class: 'num' }, fmt(e.statements)), h('td', { class: 'num' }, fmt(e.claims)))),
      ),
    ),
    pager(page, 'entities', {}, 'Entity list'),
  ];
}

export async function documentsPage(route: Route): Promise<HTMLElement[]> {
  const page = await api<Page<DocumentSummary>>('documents', { limit: 50, offset: offsetOf(route) });
  return [
    h('h1', {}, 'Documents'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...['Title', 'Published', 'Statements', 'Claims'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.items.map((d) => h('tr', {}, h('td', {}, docLink(d)), h('td', {}, d.published ?? '—'), h('td', { class: 'num' }, fmt(d.statements)), h('td', { class: 'num' }, fmt(d.claims))))),
    ),
    pager(page, 'documents', {}, 'Document list'),
  ];
}

export async function conflictsPage(route: Route): Promise<HTMLElement[]> {
  const kind = route.query.get('kind') ?? '';
  const page = await api<Page<ConflictView>>('conflicts', { limit: 20, offset: offsetOf(route), kind });
  return [h('h1', {}, 'Conflicts'), ...page.items.map((k) => conflictCard(k, true)), page.items.length ? null : h('p', { class: 'empty' }, 'No conflicts.'), pager(page, 'conflicts', { kind }, 'Conflict list')].filter(
    (x): x is HTMLElement => x !== null,
  );
}
