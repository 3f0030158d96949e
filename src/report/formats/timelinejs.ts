/**
 * The JSON Knight Lab's TimelineJS reads: a title slide and one slide per dated claim, grouped
 * by event (`group`), its headline the source and the status, its text the evidence (HTML,
 * escaped) and the document. Undated claims cannot sit on a timeline and are left out.
 */
import type { Doc, Ledger } from '../../core/types.js';
import { buildView } from './view.js';
import { esc } from './html.js';
import { statusLabel } from '../../core/vocabulary.js';

export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineSlide {
  start_date: TimelineDate;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: TimelineSlide[];
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' as a TimelineJS date; null for anything else. */
export function timelineDate(iso: string | null, display?: string): TimelineDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso ?? '');
  if (!m) return null;
  const d: TimelineDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  if (display && display !== iso) d.display_date = display;
  return d;
}

export function buildTimelineJs(docs: readonly Doc[], ledger: Ledger): TimelineJs {
  const v = buildView(docs, ledger);
  const events: TimelineSlide[] = [];
  for (const e of v.events) {
    for (const r of e.claims) {
      const start = timelineDate(r.sortDate, r.date);
      if (!start) continue;
      const conflicts = e.conflicts.filter((k) => k.claims.some((c) => c?.id === r.id)).map((k) => `<p><strong>${esc(k.kind.replace(/_/g, ' '))}:</strong> ${esc(k.explanation)}</p>`);
      events.push({
        start_date: start,
        text: {
          headline: `${r.source}: ${statusLabel(r.status)}${r.modality ? ` (${r.modality})` : ''}`,
          text: `<blockquote>${esc(r.sentence)}</blockquote><p>${esc(r.document)}${r.dateFromDocument ? ' (dated by publication)' : ''}</p>${conflicts.join('')}`,
        },
        group: e.label,
        unique_id: `claim-${r.id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      });
    }
  }
  return {
    title: {
      text: {
        headline: 'walkback: the story over time',
        text: `<p>${v.events.length} events · ${v.claims} claims · ${v.conflicts} conflicts, from ${v.documents} documents.</p>`,
      },
    },
    events,
  };
}

export function renderTimelineJs(docs: readonly Doc[], ledger: Ledger): string {
  return JSON.stringify(buildTimelineJs(docs, ledger), null, 1) + '\n';
}
