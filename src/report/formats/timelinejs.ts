/**
 * The JSON Knight Lab's TimelineJS reads: a title slide and one slide per dated claim of the
 * busiest events (one group each, at most MAX_GROUPS), its headline the source and the status,
 * its text the evidence (HTML, escaped) credited to its article (a link to the quote). The
 * title slide lists the other events and every claim without a date, which cannot sit on a
 * timeline.
 */
import type { ClaimRow, EventView, ReportStream } from './view.js';
import { esc } from './html.js';
import { conflictKindLabel, statusLabel } from '../../core/vocabulary.js';
import { plural, shownClaims, statusWords } from './text.js';
import { collectIfLarge } from '../../core/collect.js';

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

/** Groups (events) a timeline shows: more rows push TimelineJS's navigation off the screen. */
export const MAX_GROUPS = 8;

/** What a claim slide says: the quote, where it was read (linked to the quote in the article: the credit), the conflicts over it. */
function slideText(r: ClaimRow, conflicts: string[]): string {
  const credit = r.link ? `<a href="${esc(r.link)}">${esc(r.cite)}</a>` : esc(r.cite);
  return `<blockquote>${esc(r.sentence)}</blockquote><p class="credit">${credit}${r.dateFromDocument ? ' (dated by publication)' : ''}</p>${conflicts.join('')}`;
}

/** A list's HTML in pieces. */
function* list(items: string[]): Iterable<string> {
  if (!items.length) return;
  yield '<ul>';
  for (const i of items) yield `<li>${i}</li>`;
  yield '</ul>';
}

/**
 * The timeline, read in two passes over the events: the first counts each event's dated claims
 * (to rank them) and lists the undated ones, for the title slide; the second reads the busiest
 * events again, with their evidence sentences, for their slides, given as they are made.
 */
export async function timelineJs(report: ReportStream): Promise<{ headline: string; text: () => Iterable<string>; slides: AsyncIterable<TimelineSlide> }> {
  const v = report.head;
  // The busiest events (most dated claims a reader sees) get a group each; the others are listed on the title slide.
  const datedOf = (e: EventView): ClaimRow[] => shownClaims(e.claims).filter((r) => timelineDate(r.sortDate, r.date));
  const dated: Array<{ id: string; label: string; n: number }> = [];
  const undated: string[] = [];
  for await (const e of report.events()) {
    const n = datedOf(e).length;
    if (n) dated.push({ id: e.id, label: e.label, n });
    const off = shownClaims(e.claims).filter((r) => !timelineDate(r.sortDate, r.date));
    if (off.length) undated.push(`${esc(e.label)}: ${off.map((r) => `${esc(r.source)}, ${esc(statusWords(r))} (${esc(r.cite)})`).join('; ')}`);
  }
  const ranked = dated.sort((a, b) => b.n - a.n);
  // One group an event: events sharing a label get a number after it, so two are never drawn as one row.
  const groups = new Map<string, string>();
  for (const e of ranked.slice(0, MAX_GROUPS)) {
    const taken = new Set(groups.values());
    let name = e.label;
    for (let n = 2; taken.has(name); n++) name = `${e.label} (${n})`;
    groups.set(e.id, name);
  }
  const others = ranked.slice(MAX_GROUPS).map((e) => `${esc(e.label)} (${plural(e.n, 'claim')})`);
  // The title slide's text in pieces: it lists every other event, tens of megabytes on a large store.
  function* text(): Iterable<string> {
    yield `<p>${v.events} events · ${v.claims} claims · ${v.conflicts} conflicts, from ${v.documents} documents.</p>`;
    if (others.length) yield* [`<p>${plural(others.length, 'other event')}, not on this timeline:</p>`, ...list(others)];
    if (undated.length) yield* [`<p>Claims with no date, not on this timeline:</p>`, ...list(undated)];
  }
  async function* slides(): AsyncIterable<TimelineSlide> {
    // The first pass's garbage would otherwise sit under the busiest events read next (core/collect.ts).
    collectIfLarge();
    for await (const e of report.events({ only: new Set(groups.keys()), sentences: datedOf })) {
      const group = groups.get(e.id)!;
      // Each claim's conflicts, in the event's order, filed once: the busiest event of a large
      // store pairs 19,800 claims with 14,880 conflicts, and a scan of them for each claim was
      // 300 million tests.
      const conflictsOf = new Map<string, string[]>();
      for (const k of e.conflicts) {
        const line = `<p><strong>${esc(conflictKindLabel(k.kind))}:</strong> ${esc(k.explanation)}</p>`;
        for (const id of new Set(k.claims.flatMap((c) => (c ? [c.id] : [])))) {
          const lines = conflictsOf.get(id);
          if (lines) lines.push(line);
          else conflictsOf.set(id, [line]);
        }
      }
      for (const r of shownClaims(e.claims)) {
        const start = timelineDate(r.sortDate, r.date);
        if (!start) continue;
        const conflicts = conflictsOf.get(r.id) ?? [];
        yield {
          start_date: start,
          text: { headline: `${r.source}: ${statusLabel(r.status)}${r.modality ? ` (${r.modality})` : ''}`, text: slideText(r, conflicts) },
          group,
          unique_id: `claim-${r.id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
        };
      }
    }
  }
  return { headline: v.title, text, slides: slides() };
}

/** The whole timeline in memory (the library, tests). */
export async function buildTimelineJs(report: ReportStream): Promise<TimelineJs> {
  const { headline, text, slides } = await timelineJs(report);
  const events: TimelineSlide[] = [];
  for await (const slide of slides) events.push(slide);
  return { title: { text: { headline, text: [...text()].join('') } }, events };
}

/**
 * The timeline's JSON, the bytes of `JSON.stringify(timeline, null, 1)` and a line break, written
 * a slide at a time: the busiest events of a large store make tens of thousands of slides, and
 * the whole as one string (then its bytes) was the report's peak. JSON strings hold no raw line
 * break, so every line break is the layout's and takes the indent of the slide's depth.
 */
export async function writeTimelineJs(report: ReportStream, write: (s: string) => void): Promise<void> {
  const { headline, text, slides } = await timelineJs(report);
  // The title's text is one JSON string written a piece at a time: escaping a piece is escaping its part of the whole.
  write(`{\n "title": {\n  "text": {\n   "headline": ${JSON.stringify(headline)},\n   "text": "`);
  for (const piece of text()) write(JSON.stringify(piece).slice(1, -1));
  write('"\n  }\n },\n "events": [');
  let first = true;
  for await (const slide of slides) {
    write(`${first ? '\n  ' : ',\n  '}${JSON.stringify(slide, null, 1).replace(/\n/g, '\n  ')}`);
    first = false;
  }
  write(`${first ? ']' : '\n ]'}\n}\n`);
}
