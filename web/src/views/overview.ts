import { api, type EventSummary, type Stats, type StoryFacets, type StoryPage } from '../api.js';
import { h, badge, fmt, STATUS_LABEL, TYPE_LABEL } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { dataTable, pager } from '../components.js';
import { sinceLastVisit, newMark } from '../since-last-visit.js';

const LIMIT = 50;
/** Events with fewer claims than this are folded away unless the reader asks for all. */
const FOLD_BELOW = 2;

/** The story page's filters, as named in the URL and in GET /api/story. */
const FILTERS = ['status', 'kind', 'outlet', 'speaker', 'side', 'language', 'from', 'to', 'q'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function select(name: string, label: string, value: string, options: Array<{ value: string; label: string; count?: number }>): HTMLElement[] {
  return [
    h('label', { for: `f-${name}` }, label),
    h(
      'select',
      { id: `f-${name}`, name },
      h('option', { value: '' }, 'any'),
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.count === undefined ? o.label : `${o.label} (${fmt(o.count)})`)),
    ),
  ];
}

function filterForm(f: Filters, facets: StoryFacets, all: boolean): HTMLFormElement {
  const field = (...nodes: HTMLElement[]): HTMLElement => h('div', { class: 'field' }, nodes);
  const form = h(
    'form',
    { class: 'filters story-filters', 'aria-label': 'Filter events' },
    field(...select('status', 'Status', f.status, Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label })))),
    field(...select('kind', 'Conflict', f.kind, facets.kinds.map((k) => ({ ...k, label: k.label.replace(/_/g, ' ') })))),
    field(...select('outlet', 'Outlet', f.outlet, facets.outlets)),
    field(...select('speaker', 'Speaker', f.speaker, facets.speakers)),
    field(...select('side', 'Side', f.side, facets.sides)),
    field(...select('language', 'Language', f.language, facets.languages)),
    field(h('label', { for: 'f-from' }, 'From'), h('input', { id: 'f-from', name: 'from', type: 'date', value: f.from, min: facets.dates.from, max: facets.dates.to })),
    field(h('label', { for: 'f-to' }, 'To'), h('input', { id: 'f-to', name: 'to', type: 'date', value: f.to, min: facets.dates.from, max: facets.dates.to })),
    field(h('label', { for: 'f-q' }, 'Event name'), h('input', { id: 'f-q', name: 'q', type: 'search', value: f.q })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Filter'), h('a', { href: href('', all ? { all: 1 } : {}), class: 'button' }, 'Clear')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string | number> = all ? { all: 1 } : {};
    for (const k of FILTERS) next[k] = String(data.get(k) ?? '');
    location.hash = href('', next);
  });
  return form;
}

/**
 * The filters, folded under a summary on a phone (where they would fill the first screen)
 * unless one is set; open on a wider screen.
 */
function filters(f: Filters, facets: StoryFacets, all: boolean): HTMLElement {
  const set = FILTERS.filter((k) => f[k]).length;
  const open = set > 0 || window.matchMedia('(min-width: 641px)').matches;
  return h('details', { class: 'filter-box', open }, h('summary', {}, set ? `Filters (${set} set)` : 'Filters'), filterForm(f, facets, all));
}

/** Documents in a language the stages do not read yet: counted, with their language, so that nothing is silently missing. */
function notAnalysedNote(stats: Stats): HTMLElement | null {
  const list = stats.notAnalysed ?? [];
  if (!list.length) return null;
  const n = list.reduce((a, l) => a + l.documents, 0);
  return h('p', { class: 'not-analysed' }, `${fmt(n)} document${n === 1 ? '' : 's'} not analysed yet for their language: ${list.map((l) => `${l.language} (${fmt(l.documents)})`).join(', ')}.`);
}

function conflictsCell(e: EventSummary): Node | string {
  if (!e.conflicts) return '0';
  return h('a', { href: href(`events/${enc(e.id)}`, { focus: 'conflicts' }), class: 'badge conflicts', 'aria-label': `${e.conflicts} conflicts` }, fmt(e.conflicts));
}

/**
 * The story, for triage: one row per event, those in conflict first, then by most recent
 * activity; events with fewer than two claims folded away until the reader shows them.
 */
export async function overview(route: Route): Promise<HTMLElement[]> {
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const all = route.query.get('all') === '1';
  const f = Object.fromEntries(FILTERS.map((k) => [k, route.query.get(k) ?? ''])) as Filters;
  const [stats, facets, page, fresh] = await Promise.all([
    api<Stats>('stats'),
    api<StoryFacets>('story/facets'),
    api<StoryPage>('story', { limit: LIMIT, offset, minClaims: all ? 0 : FOLD_BELOW, ...f }),
    sinceLastVisit(),
  ]);
  const query = { ...f, all: all ? 1 : undefined };

  const table = dataTable(
    all ? 'Events, those in conflict first, then by most recent activity' : `Events with ${FOLD_BELOW} claims or more, those in conflict first, then by most recent activity`,
    [
      { head: 'Event', cell: (e: EventSummary) => h('span', {}, h('a', { href: href(`events/${enc(e.id)}`) }, e.label || e.id), fresh.events.has(e.id) ? [' ', newMark()] : null) },
      { head: 'Conflicts', cell: conflictsCell, num: true },
      { head: 'Claims', cell: (e) => fmt(e.claims), num: true },
      { head: 'Status', cell: (e) => badge(e.status) },
      { head: 'Last activity', cell: (e) => (e.lastDate ? h('time', {}, e.lastDate) : '—') },
      { head: 'Type', cell: (e) => TYPE_LABEL[e.type] ?? e.type },
      { head: 'Participants', cell: (e) => e.participantNames.join(', ') || '—' },
    ],
    page.items,
    'events',
  );

  const fold = all
    ? h('p', { class: 'fold' }, `Showing every event, with any number of claims. `, h('a', { href: href('', f) }, `Fold events with fewer than ${FOLD_BELOW} claims`))
    : page.folded
      ? h('p', { class: 'fold' }, `${fmt(page.folded)} event${page.folded === 1 ? '' : 's'} with fewer than ${FOLD_BELOW} claims folded away. `, h('a', { href: href('', { ...f, all: 1 }) }, 'Show them'))
      : null;

  return [
    h('h1', {}, 'The story'),
    h(
      'p',
      { class: 'stats' },
      `${fmt(stats.events)} events · ${fmt(stats.claims)} claims · `,
      h('a', { href: href('conflicts') }, `${fmt(stats.conflicts)} conflicts`),
      ` · ${fmt(stats.statements)} statements from ${fmt(stats.documents)} documents`,
    ),
    notAnalysedNote(stats),
    fresh.panel ?? null,
    filters(f, facets, all),
    fold,
    page.items.length ? table : h('p', { class: 'empty' }, stats.events ? 'No event matches these filters.' : 'No events yet.'),
    pager(page, '', query, 'Event list'),
  ].filter((x): x is HTMLElement => x !== null);
}
