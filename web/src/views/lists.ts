import { api, type ConflictView, type DocumentSummary, type EntitySummary, type Page } from '../api.js';
import { h, fmt } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { dataTable, docLink, episodeCard, pager } from '../components.js';
import { episodes } from '../../../src/conflicts/episodes.js';

const offsetOf = (r: Route): number => Number(r.query.get('offset') ?? 0) || 0;

export async function entitiesPage(route: Route): Promise<HTMLElement[]> {
  const page = await api<Page<EntitySummary>>('entities', { limit: 50, offset: offsetOf(route) });
  return [
    h('h1', {}, 'People and organizations'),
    dataTable('People and organizations, most statements first', [
      { head: 'Name', cell: (e: EntitySummary) => h('a', { href: href(`entities/${enc(e.id)}`) }, e.name) },
      { head: 'Type', cell: (e) => e.type },
      { head: 'Side', cell: (e) => e.side ?? '—' },
      { head: 'Statements', cell: (e) => fmt(e.statements), num: true },
      { head: 'Claims', cell: (e) => fmt(e.claims), num: true },
    ], page.items),
    pager(page, 'entities', {}, 'Entity list'),
  ];
}

export async function documentsPage(route: Route): Promise<HTMLElement[]> {
  const page = await api<Page<DocumentSummary>>('documents', { limit: 50, offset: offsetOf(route) });
  return [
    h('h1', {}, 'Documents'),
    dataTable('Documents, in the order they were added', [
      { head: 'Title', cell: (d: DocumentSummary) => docLink(d) },
      { head: 'Published', cell: (d) => d.published ?? '—' },
      { head: 'Statements', cell: (d) => fmt(d.statements), num: true },
      { head: 'Claims', cell: (d) => fmt(d.claims), num: true },
    ], page.items),
    pager(page, 'documents', {}, 'Document list'),
  ];
}

export async function conflictsPage(route: Route): Promise<HTMLElement[]> {
  const kind = route.query.get('kind') ?? '';
  const page = await api<Page<ConflictView>>('conflicts', { limit: 20, offset: offsetOf(route), kind });
  // The page's conflicts as episodes: a disputed claim once, then every source that disputes it.
  const groups = episodes(page.items.map((k) => ({ ...k, claims: [`${k.event}\u0000${k.claims[0]}`, k.claims[1]] as const, view: k })));
  return [
    h('h1', {}, 'Conflicts'),
    ...groups.map((ep) => episodeCard(ep.conflicts.map((k) => k.view), true)),
    page.items.length ? null : h('p', { class: 'empty' }, 'No conflicts.'),
    pager(page, 'conflicts', { kind }, 'Conflict list'),
  ].filter((x): x is HTMLElement => x !== null);
}
