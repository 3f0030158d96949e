/**
 * The corrections panel of an event or entity page (src/corrections/): only on a server
 * started with a token, which the editor types once per browser session with their name. One
 * small form makes a correction on the page's items (the event, its claims and conflicts; the
 * entity); the list below shows who made each correction about them, when, whether it still
 * applies, and undoes it.
 */
import { ApiError, type EventDetail, type Stats, api } from '../api.js';
import type { Correction } from '../../../src/corrections/kinds.js';
import { h } from '../dom.js';

const TOKEN = 'walkback-token';
const USER = 'walkback-user';

/** A request carrying the editor's token and name; errors as the read API's. */
async function send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${sessionStorage.getItem(TOKEN) ?? ''}` };
  const user = sessionStorage.getItem(USER);
  if (user) headers['x-walkback-user'] = user;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const out = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!res.ok) {
    // A wrong token is asked for again rather than kept.
    if (res.status === 401) sessionStorage.removeItem(TOKEN);
    throw new ApiError(res.status, out?.code ?? 'WB_ERROR', out?.message ?? res.statusText);
  }
  return out as T;
}

type Item = 'event' | 'entity' | 'claim' | 'conflict';

/** An item of the page a correction can be made on. */
export interface Correctable {
  id: string;
  item: Item;
  label: string;
}

/** What each kind asks of the editor: which items it applies to and what its value field means. */
const KINDS: Array<{ kind: string; label: string; items: Item[]; value: string | null }> = [
  { kind: 'note', label: 'Add a note', items: ['event', 'entity', 'claim', 'conflict'], value: 'Note' },
  { kind: 'confirm', label: 'Confirm', items: ['claim', 'conflict'], value: null },
  { kind: 'reject', label: 'Reject', items: ['claim', 'conflict'], value: null },
  { kind: 'set-status', label: 'Set status', items: ['claim'], value: 'Status id (e.g. not_agreed)' },
  { kind: 'set-source', label: 'Set source', items: ['claim'], value: 'Entity id (empty: no source)' },
  { kind: 'merge-events', label: 'Merge another event into this one', items: ['event'], value: 'Event ids, separated by spaces' },
  { kind: 'split-event', label: 'Split claims out into a new event', items: ['event'], value: 'Claim ids, separated by spaces' },
  { kind: 'alias', label: 'Add another name', items: ['entity'], value: 'Name' },
  { kind: 'merge-entities', label: 'Merge other entities into this one', items: ['entity'], value: 'Entity ids, separated by spaces' },
];

/** The request body for a kind, an item and the value typed. */
function correctionOf(kind: string, target: string, value: string): Record<string, unknown> {
  const words = value.split(/\s+/).filter(Boolean);
  switch (kind) {
    case 'note':
      return { kind, target, text: value };
    case 'set-status':
      return { kind, target, status: value.trim() };
    case 'set-source':
      return { kind, target, source: value.trim() || null };
    case 'alias':
      return { kind, target, alias: value };
    case 'merge-events':
    case 'merge-entities':
      return { kind, target, others: words };
    case 'split-event':
      return { kind, target, claims: words };
    default:
      return { kind, target };
  }
}

function tokenForm(done: () => void): HTMLElement {
  const token = h('input', { id: 'corr-token', type: 'password', autocomplete: 'off', required: true });
  const user = h('input', { id: 'corr-user', type: 'text', autocomplete: 'name', value: sessionStorage.getItem(USER) ?? '' });
  return h(
    'form',
    {
      class: 'filters correction-login',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        sessionStorage.setItem(TOKEN, token.value.trim());
        if (user.value.trim()) sessionStorage.setItem(USER, user.value.trim());
        done();
      },
    },
    h('label', { for: 'corr-token' }, 'Editor token'),
    token,
    h('label', { for: 'corr-user' }, 'Your name'),
    user,
    h('button', { type: 'submit' }, 'Sign in to correct'),
  );
}

function correctionItem(c: Correction, reload: () => void, problem: HTMLElement): HTMLElement {
  const state = c.undone ? `undone by ${c.undone.by}` : c.state + (c.detail ? ` (${c.detail})` : '');
  const undo = c.undone
    ? null
    : h(
        'button',
        {
          type: 'button',
          'aria-label': `Undo ${c.id}`,
          onclick: () =>
            void send<Correction>('DELETE', `corrections/${encodeURIComponent(c.id)}`).then(reload, (e: Error) => {
              problem.textContent = e.message;
            }),
        },
        'Undo',
      );
  return h('li', { 'data-correction': c.id }, h('code', {}, c.id), ` ${c.input.kind} ${c.input.target} — by ${c.by}, `, h('time', { datetime: c.at }, c.at.slice(0, 16).replace('T', ' ')), ` — ${state} `, undo);
}

async function panelBody(items: Correctable[], reload: () => void, relogin: () => void): Promise<HTMLElement[]> {
  const problem = h('p', { class: 'error', role: 'alert' });
  let mine: Correction[];
  try {
    const ids = new Set(items.map((x) => x.id));
    const all = await send<{ items: Correction[] }>('GET', 'corrections');
    mine = all.items.filter((c) => ids.has(c.input.target) || Object.values(c.resolved).some((id) => ids.has(id)));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return [h('p', { class: 'error', role: 'alert' }, 'That token was refused.'), tokenForm(relogin)];
    throw err;
  }
  const options = (kinds: Item[]): HTMLOptionElement[] => items.filter((x) => kinds.includes(x.item)).map((x) => h('option', { value: x.id }, x.label));
  const kinds = KINDS.filter((k) => items.some((x) => k.items.includes(x.item)));
  const kind = h('select', { id: 'corr-kind' }, kinds.map((k) => h('option', { value: k.kind }, k.label)));
  const target = h('select', { id: 'corr-target' });
  const value = h('input', { id: 'corr-value', type: 'text' });
  const valueLabel = h('label', { for: 'corr-value' });
  const sync = (): void => {
    const k = KINDS.find((x) => x.kind === kind.value)!;
    target.replaceChildren(...options(k.items));
    value.hidden = valueLabel.hidden = k.value === null;
    valueLabel.textContent = k.value ?? '';
  };
  kind.addEventListener('change', sync);
  sync();
  const form = h(
    'form',
    {
      class: 'filters correction-form',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        problem.textContent = '';
        void send<Correction>('POST', 'corrections', correctionOf(kind.value, target.value, value.value)).then(reload, (e: Error) => {
          problem.textContent = e.message;
        });
      },
    },
    h('label', { for: 'corr-kind' }, 'Correction'),
    kind,
    h('label', { for: 'corr-target' }, 'On'),
    target,
    valueLabel,
    value,
    h('button', { type: 'submit' }, 'Save correction'),
  );
  return [form, problem, mine.length ? h('ul', { class: 'corrections' }, mine.map((c) => correctionItem(c, reload, problem))) : h('p', { class: 'empty' }, 'No corrections here yet.')];
}

/** An event page's items: the event, its claims, its conflicts. */
export const eventItems = (d: EventDetail): Correctable[] => [
  { id: d.event.id, item: 'event', label: `This event (${d.event.id})` },
  ...d.timeline.map((c) => ({ id: c.id, item: 'claim' as const, label: `Claim ${c.id}: ${c.sourceName}, ${c.status}` })),
  ...d.conflicts.map((k) => ({ id: k.id, item: 'conflict' as const, label: `Conflict ${k.id}: ${k.kind}` })),
];

/** The panel, or null on a read-only server (no token, so no corrections API). */
export async function correctionPanel(items: Correctable[]): Promise<HTMLElement | null> {
  const stats = await api<Stats>('stats').catch(() => null);
  if (!stats?.ingest) return null;
  const section = h('section', { 'aria-labelledby': 'corr-h', class: 'corrections-panel' });
  // After a change the whole page is drawn again: the ledger itself has changed.
  const reload = (): void => void window.dispatchEvent(new HashChangeEvent('hashchange'));
  const fill = async (): Promise<void> => {
    const body = sessionStorage.getItem(TOKEN) ? await panelBody(items, reload, () => void fill()) : [tokenForm(() => void fill())];
    section.replaceChildren(h('h2', { id: 'corr-h' }, 'Corrections'), ...body);
  };
  await fill();
  return section;
}
