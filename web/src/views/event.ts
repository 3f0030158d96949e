import { api, type EventDetail, type ClaimView } from '../api.js';
import { h, badge, showDate, STATUS_LABEL } from '../dom.js';
import type { Route } from '../route.js';
import { claimCard, episodeCard, pager } from '../components.js';
import { correctionPanel, eventItems } from './correct.js';

/** Claims by date (rows) and side (columns), colored by status. */
function timeline(claims: ClaimView[]): HTMLElement {
  const sides = [...new Set(claims.map((c) => c.side))];
  const dates = [...new Set(claims.map((c) => c.sortDate ?? 'undated'))];
  // Focusable: with many sides it scrolls sideways, and a keyboard must be able to scroll it.
  const grid = h('div', { class: 'timeline', role: 'table', 'aria-label': 'Claims by date and side', tabindex: '0' });
  // Through CSSOM, which the page's Content-Security-Policy allows (style attributes it does not).
  grid.style.setProperty('--sides', String(sides.length));
  grid.append(h('div', { class: 'tl-row tl-head', role: 'row' }, h('div', { class: 'tl-date', role: 'columnheader' }, 'Date'), ...sides.map((s) => h('div', { class: 'tl-side', role: 'columnheader' }, s))));
  for (const d of dates) {
    const row = h('div', { class: 'tl-row', role: 'row' }, h('div', { class: 'tl-date', role: 'rowheader' }, h('time', {}, d)));
    for (const s of sides) {
      const here = claims.filter((c) => (c.sortDate ?? 'undated') === d && c.side === s);
      row.append(h('div', { class: 'tl-cell', role: 'cell', 'data-side': s }, here.map(claimCard)));
    }
    grid.append(row);
  }
  return grid;
}

function legend(claims: ClaimView[]): HTMLElement {
  const seen = [...new Set(claims.map((c) => c.status))];
  return h('p', { class: 'legend', 'aria-label': 'Status colors' }, ...seen.map((s) => badge(s)), seen.length ? '' : null);
}

/**
 * The event's course at a glance: each dated claim in order, as its date, its status and who
 * asserts it; a change of status from the step before is marked.
 */
function statusTrack(claims: ClaimView[]): HTMLElement {
  let before: string | null = null;
  return h(
    'ol',
    { class: 'track', 'aria-label': 'Status over time' },
    claims.map((c) => {
      const changed = before !== null && c.status !== before;
      before = c.status;
      return h('li', { class: changed ? 'changed' : null }, h('time', {}, c.sortDate ?? 'undated'), ' ', badge(c.status), ' ', h('span', { class: 'track-source' }, c.sourceName));
    }),
  );
}

export async function eventPage(route: Route): Promise<HTMLElement[]> {
  const id = route.parts[1]!;
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const limit = Number(route.query.get('limit') ?? 0) || undefined;
  // A page of the timeline at a time (the API's size unless the link asks another); its conflicts are those whose later claim is on it.
  const detail = await api<EventDetail>(`events/${encodeURIComponent(id)}`, { limit, offset: offset || undefined });
  const { event, timeline: claims, conflicts, episodes } = detail;
  const pages = pager({ total: event.claims, limit: detail.page.limit, offset: detail.page.offset, items: claims }, `events/${encodeURIComponent(id)}`, { limit }, 'Timeline');
  const paged = event.claims > claims.length;
  const byId = new Map(conflicts.map((k) => [k.id, k]));
  const corrections = await correctionPanel(eventItems(detail));
  return [
    h('h1', {}, event.label || event.id, ' ', badge(event.status)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Type'),
      h('dd', {}, event.type),
      h('dt', {}, 'Participants'),
      h('dd', {}, event.participantNames.join(', ') || '—'),
      h('dt', {}, 'Place'),
      h('dd', {}, event.place ?? '—'),
      h('dt', {}, 'When'),
      h('dd', {}, showDate(event.time)),
      h('dt', {}, 'Status now'),
      h('dd', {}, STATUS_LABEL[event.status ?? ''] ?? 'unknown'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'tl-h' },
      h('h2', { id: 'tl-h' }, `Timeline (${event.claims} claim${event.claims === 1 ? '' : 's'})`),
      paged ? pages : null,
      claims.length ? statusTrack(claims) : null,
      legend(claims),
      claims.length ? timeline(claims) : h('p', { class: 'empty' }, 'No claims.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'conflicts', class: 'conflicts' },
      h('h2', { id: 'conflicts', tabindex: '-1' }, paged ? `Conflicts (${conflicts.length} of ${event.conflicts}: those this page of the timeline completes)` : `Conflicts (${event.conflicts})`),
      conflicts.length
        ? episodes.map((ep) => episodeCard(ep.conflicts.flatMap((k) => byId.get(k) ?? [])))
        : h('p', { class: 'empty' }, 'No conflicting claims.'),
    ),
    ...(corrections ? [corrections] : []),
  ];
}
