/**
 * "New since your last visit": the alerts `watch` raised after the cursor this browser saw last.
 * The cursor seen when a visit (a browser session) begins is kept for the whole visit, so the
 * marks stay while one moves around; the newest one is saved for the next visit.
 */
import { api } from './api.js';
import { h, kindBadge } from './dom.js';
import { href, enc } from './route.js';
import type { ChangeList } from '../../src/server/schemas/watch.js';
import type { z } from 'zod';

type Changes = z.infer<typeof ChangeList>;
interface AlertChange {
  kind: string;
  explanation: string;
  event: { id: string; label: string };
}

const SEEN = 'walkback.changes.seen';
const VISIT = 'walkback.changes.visit';

export interface SinceLastVisit {
  /** Events that got an alert since the last visit. */
  events: Set<string>;
  /** The list of those alerts, or null on a first visit or when there is none. */
  panel: HTMLElement | null;
}

export async function sinceLastVisit(): Promise<SinceLastVisit> {
  const none: SinceLastVisit = { events: new Set(), panel: null };
  let from = sessionStorage.getItem(VISIT);
  if (from === null) {
    from = localStorage.getItem(SEEN) ?? '';
    sessionStorage.setItem(VISIT, from);
  }
  let page: Changes;
  try {
    page = await api<Changes>('changes', { since: from || 0, limit: 500 });
  } catch {
    return none; // an older server without /api/changes
  }
  localStorage.setItem(SEEN, String(Math.max(page.cursor, Number(localStorage.getItem(SEEN) ?? 0))));
  // A first visit has nothing to compare with: everything would be "new".
  if (!from) return none;
  const alerts = page.items.filter((c) => c.alert).map((c) => c.change as AlertChange);
  if (!alerts.length) return none;
  return {
    events: new Set(alerts.map((a) => a.event.id)),
    panel: h(
      'section',
      { class: 'since-last-visit', 'aria-labelledby': 'since-h' },
      h('h2', { id: 'since-h' }, `New since your last visit (${alerts.length})`),
      h('ul', {}, ...alerts.map((a) => h('li', {}, kindBadge(a.kind), ' ', h('a', { href: href(`events/${enc(a.event.id)}`) }, a.event.label), ': ', a.explanation))),
    ),
  };
}

/** The mark beside an event that got an alert since the last visit. */
export const newMark = (): HTMLElement => h('span', { class: 'badge new', title: 'new since your last visit' }, 'new');
