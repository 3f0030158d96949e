/** Tiny DOM helpers: elements are built with text nodes only, so article text is never parsed as HTML. */
import type { Vocabulary } from './api.js';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

export interface Mark {
  start: number;
  end: number;
  className: string;
  id?: string;
  title?: string;
}

/**
 * The text with the spans marked: overlapping spans are cut at every boundary, each piece
 * wrapped in one <mark> carrying the classes of every span over it.
 */
export function markText(text: string, marks: Mark[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const valid = marks.filter((m) => m.start < m.end && m.start >= 0 && m.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const started = new Set<string>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!;
    const e = cuts[i + 1]!;
    const over = valid.filter((m) => m.start <= s && m.end >= e);
    const piece = text.slice(s, e);
    if (!over.length) {
      frag.append(piece);
      continue;
    }
    const mark = h('mark', { class: [...new Set(over.map((m) => m.className))].join(' '), title: over.map((m) => m.title).filter(Boolean).join(' · ') || null }, piece);
    for (const m of over) {
      if (m.id && !started.has(m.id)) {
        started.add(m.id);
        mark.id = m.id;
      }
    }
    frag.append(mark);
  }
  return frag;
}

/** A search snippet: U+E000 ... U+E001 around each matching word become <mark>. */
export function snippet(s: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const [i, part] of s.split(/[\uE000\uE001]/).entries()) {
    if (!part) continue;
    frag.append(i % 2 ? h('mark', { class: 'hit' }, part) : part);
  }
  return frag;
}

export const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Labels of the statuses and event types, in declaration order, from the server's vocabulary
 * (GET /api/vocabulary, data/lexicons/ledger.yml): filled once before the first view renders.
 */
export const STATUS_LABEL: Record<string, string> = {};
export const TYPE_LABEL: Record<string, string> = {};

export function useVocabulary(v: Vocabulary): void {
  for (const s of v.statuses) STATUS_LABEL[s.id] = s.label;
  for (const t of v.eventTypes) TYPE_LABEL[t.id] = t.label;
}

export function badge(status: string | null): HTMLElement {
  const s = status ?? 'unknown';
  return h('span', { class: `badge status-${s}` }, STATUS_LABEL[s] ?? s.replace(/_/g, ' '));
}

export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `badge kind kind-${kind}` }, kind.replace(/_/g, ' '));
}

export function showDate(d: unknown): string {
  if (!d) return 'undated';
  if (typeof d === 'string') return d;
  const o = d as { start: string | null; end: string | null; timex: string };
  if (o.start && o.end && o.start !== o.end) return `${o.start} – ${o.end}`;
  return o.start ?? o.timex;
}
