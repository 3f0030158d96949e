/**
 * Per-document stage: triggers -> drafts -> rules and refiners (config.ts) -> event mentions
 * and claims. A claim is one status of one event mention asserted in one clause, by the
 * statement's speaker or, outside reported speech, by the article.
 */
import type { Claim, Doc, EventMention } from '../core/types.js';
import { span, trimSpan } from '../core/span.js';
import { buildContext } from './context.js';
import { findTriggers } from './rules/triggers.js';
import { english } from './config.js';
import { withinDocument } from './refiners/drop-unanchored.js';
import { AGAINST_TRACK } from '../core/vocabulary.js';
import { claimDate, eventTime } from './time.js';

const TRIM = ' \t\n\r,;:.“”"‘’\'—–-';

const localName = (doc: Doc, id: string): string | null => doc.locals.find((l) => l.id === id)?.name ?? null;

export function extractEvents(doc: Doc, config = english): void {
  doc.eventMentions = [];
  doc.claims = [];
  if (doc.sentences.length === 0) return;
  const ctx = buildContext(doc);
  let drafts = findTriggers(ctx);
  for (const d of drafts) for (const r of config.rules) r(ctx, d);
  for (const ref of config.refiners) drafts = ref(ctx, drafts);
  for (const d of drafts) if (d.status === undefined) for (const r of config.statusRules) r(ctx, d);
  for (const ref of config.final) drafts = ref(ctx, drafts);

  const seen = new Set<string>();
  for (const d of drafts) {
    const em: EventMention = {
      id: `em${doc.eventMentions.length + 1}`,
      type: d.type,
      trigger: d.trigger,
      span: span(d.clause.start, d.clause.end, d.rule),
      participants: d.participants,
      place: d.place,
      // "In March, Brix scrapped its bid": a date in a clause that stops or denies the event dates
      // that change, not the event; the event's own time comes from what plans or reports it.
      time: d.status && AGAINST_TRACK.has(d.status.status) ? null : eventTime(doc, d.clause),
      rule: d.rule,
    };
    if (withinDocument(d)) em.scope = 'document';
    doc.eventMentions.push(em);
    if (!d.status || d.question) continue;
    // One claim per clause, event and status: "a summit ... the summit" in one clause is one claim.
    const key = `${d.clause.start}|${d.type}|${[...d.participants].sort().join(',')}|${d.status.status}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ev = d.status.evidence;
    const lo = Math.min(ev.start, d.status.cue.start);
    const hi = Math.max(ev.end, d.status.cue.end);
    const claim: Claim = {
      id: `cl${doc.claims.length + 1}`,
      eventMention: em.id,
      statement: d.statement?.id ?? null,
      source: d.stanceOf ?? d.statement?.speaker.local ?? null,
      sourceText: d.stanceOf ? localName(doc, d.stanceOf) : d.statement?.speaker.text ?? null,
      status: d.status.status,
      modality: d.status.modality,
      evidence: trimSpan(doc.text, span(lo, hi, d.rule), TRIM),
      cue: span(d.status.cue.start, d.status.cue.end, `events/cue/${d.status.cue.entry.id}`),
      date: claimDate(doc, d.statement),
      rule: d.rule,
    };
    if (d.actor) claim.actor = d.actor;
    doc.claims.push(claim);
  }
}
