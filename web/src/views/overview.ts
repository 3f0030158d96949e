import { api, type EventSummary, type Page, type Stats } from '../api.js';
import { h, badge, fmt, STATUS_LABEL, TYPE_LABEL } from '../dom.js';
import { href, enc, type Route } from '../route.js';
import { pager } from '../components.js';
import { sinceLastVisit, newMark } from '../since-last-visit.js';

const LIMIT = 50;

/** The story: events by most recent activity, with status and conflict counts. */
export async function overview(route: Route): Promise<HTMLElement[]> {
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const status = route.query.get('status') ?? '';
  const q = route.query.get('q') ?? '';
  const [stats, page, fresh] = await Promise.all([api<Stats>('stats'), api<Page<EventSummary>>('events', { limit: LIMIT, offset, status, q }), sinceLastVisit()]);
  const query = { status, q };

  const filter = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter events' },
    h('label', { for: 'f-status' }, 'Status '),
    h('select', { id: 'f-status', name: 'status' }, h('option', { value: '' }, 'any'), ...Object.entries(STATUS_LABEL).map(([v, l]) => h('option', { value: v, selected: v === status }, l))),
    h('label', { for: 'f-q' }, ' Event name '),
    h('input', { id: 'f-q', name: 'q', type: 'search', value: q }),
    h('button', { type: 'submit' }, 'Filter'),
  );
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(filter);
    location.hash = href('', { status: String(f.get('status') ?? ''), q: String(f.get('q') ?? '') });
  });

  const rows = page.items.map((e) =>
    h(
      'tr',
      {},
      h('td', {}, h('a', { href: href(`events/${enc(e.id)}`) }, e.label || e.id), fresh.events.has(e.id) ? [' ', newMark()] : null),
      h('td', {}, badge(e.status)),
      h('td', {}, TYPE_LABEL[e.type] ?? e.type),
      h('td', {}, e.participantNames.join(', ')),
      h('td', {}, e.lastDate ?? '—'),
      h('td', { class: 'num' }, fmt(e.claims)),
      h('td', { class: 'num' }, e.conflicts ? h('a', { href: href(`events/${enc(e.id)}`, { focus: 'conflicts' }), class: 'badge conflicts', 'aria-label': `${e.conflicts} conflicts` }, fmt(e.conflicts)) : '0'),
    ),
  );

  return [
    h('h1', {}, 'The story'),
    h(
      'p',
      { class: 'stats' },
      `${fmt(stats.events)} events · ${fmt(stats.claims)} claims · `,
      h('a', { href: href('conflicts') }, `${fmt(stats.conflicts)} conflicts`),
      ` · ${fmt(stats.statements)} statements from ${fmt(stats.documents)} documents`,
    ),
    ...(fresh.panel ? [fresh.panel] : []),
    filter,
    page.items.length
      ? h(
          'table',
          { class: 'events' },
          h('caption', { class: 'visually-hidden' }, 'Events, most recent activity first'),
          h('thead', {}, h('tr', {}, ...['Event', 'Status', 'Type', 'Participants', 'Last activity', 'Claims', 'Conflicts'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows),
        )
      : h('p', { class: 'empty' }, 'No events yet.'),
    pager(page, '', query, 'Event list'),
  ];
}
