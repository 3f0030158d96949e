/**
 * Refiner: each status cue speaks of one event. When a clause names several ("agreed to a
 * meeting with Sol during a phone call with Venn"), the cue belongs to the trigger nearest
 * to it; the others get no status from it. Only placed drafts (enough parties) own cues,
 * so that a bare "the first encounter since" does not take the status from the summit
 * beside it. A cue that may not modify a noun (`beforeNoun: false`: "a potential
 * meeting") asserts nothing when it stands right before a noun trigger.
 */
import type { CueHit, Draft, EventContext } from '../context.js';
import { posIndex } from '../../core/doc.js';
import { completable, placed as isPlaced } from './drop-unanchored.js';
import { TRANSITIVE } from '../../core/vocabulary.js';
import { StartIndex } from '../../core/start-index.js';

/** Between a modifying cue and its noun: at most one more word ("possible direct meeting"). */
const MODIFIES = /^[\s-]*(?:[\p{L}-]+\s+)?$/u;

/** Between a verb cue and the trigger that is its object: "agree to a quick settlement", "accept the truce". */
const OBJECT_OF = /^\s+(?:to\s+|on\s+)?(?:a|an|the|any|that|this)\s+(?:[\p{L}-]+\s+)?$/iu;
/** Between a cue and a noun trigger that is only its setting: "agreed at his summit", "said during the talks". */
export const SETTING = /(?<![\p{L}])(?:at|during|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\s+(?:(?:the|a|an|his|her|their|its|this|that)\s+(?:[\p{L}()-]+\s+){0,5}|(?:[\p{L}-]+\s+){0,4}[\p{L}-]+['’]s\s+(?:[\p{L}-]+\s+)?)$/iu;

/** A noun trigger after "at", "during", "on the sidelines of": where things happened, not what they are about. */
const settingOf = new WeakMap<Draft, boolean>();
export function isSetting(text: string, d: Draft): boolean {
  let v = settingOf.get(d);
  if (v === undefined) {
    v = d.info.pos === 'noun' && /\b(?:at|during|sidelines|course)\s/iu.test(text.slice(Math.max(d.clause.start, d.trigger.start - 90), d.trigger.start))
      && SETTING.test(text.slice(Math.max(d.clause.start, d.trigger.start - 90), d.trigger.start));
    settingOf.set(d, v);
  }
  return v;
}

/** A determiner phrase right after a verb, up to the preposition that attaches what it is part of. */
const OBJECT_PHRASE = /^\s+(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:[\p{L}\p{N}-]+\s+){0,4}?(?:of|on|over|for|about)\s/iu;

function objectOtherThanEvent(ctx: EventContext, c: CueHit, byTrigger: StartIndex<Draft>): boolean {
  const text = ctx.doc.text;
  // "has long held concerns": a bare noun object that is no event word.
  const bare = BARE_OBJECT.exec(text.slice(c.end, c.end + 30));
  if (bare && posIndex(ctx.doc).get(c.end + bare[0].length - bare[1]!.length) === 'NOUN') {
    const at = c.end + bare[0].length - bare[1]!.length;
    if (byTrigger.within(at, at + 1).length === 0) return true;
  }
  const m = OBJECT_PHRASE.exec(text.slice(c.end, c.end + 80));
  if (!m) return false;
  const end = c.end + m[0].length;
  return byTrigger.within(c.end, end).length === 0;
}
/** The word right after a verb cue, with no determiner between. */
const BARE_OBJECT = /^\s+(\p{Ll}[\p{L}-]*)/u;

function distance(d: Draft, c: CueHit): number {
  if (c.end <= d.trigger.start) return d.trigger.start - c.end;
  if (c.start >= d.trigger.end) return c.start - d.trigger.end;
  return 0;
}

export function cueOwner(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  for (const d of drafts) d.cues = [];
  const placed = drafts.filter(isPlaced);
  const partial = drafts.filter((d) => !isPlaced(d) && completable(d));
  const setting = new Set([...placed, ...partial].filter((d) => isSetting(text, d)));
  // Every lookup below is of drafts near the cue: windows of an index, not scans of the document.
  const byTrigger = new StartIndex(drafts, (d) => d.trigger.start);
  const placedSet = new Set(placed);
  const partialSet = new Set(partial);
  const placedOwners = new ClauseIndex(placed);
  const partialOwners = new ClauseIndex(partial);
  for (const c of ctx.cues) {
    if (!c.entry.beforeNoun) {
      const noun = byTrigger.within(c.end, c.end + 40).find((d) => d.info.pos === 'noun' && MODIFIES.test(text.slice(c.end, d.trigger.start)));
      if (noun) continue;
    }
    // "closed the last open points of the deal", "delayed the vote on the merger": a verb that
    // ends or stops something, with an object of its own that names no event, speaks of that object.
    // (TRANSITIVE: statuses told by a verb that acts on its object: close, complete, delay, block.)
    if (TRANSITIVE.has(c.entry.status) && objectOtherThanEvent(ctx, c, byTrigger)) continue;
    // "reached an agreement", "no deal": a cue that holds a trigger speaks of that trigger's event.
    const inner = byTrigger.within(c.start, c.end + 1).filter((d) => !d.question && d.info.arity <= 2 && d.trigger.end <= c.end && (d.trigger.start !== c.start || d.trigger.end !== c.end));
    if (inner.length > 0) {
      for (const d of inner) d.cues!.push(c);
      continue;
    }
    // A standalone cue made into mentions of one or more events is each one's own.
    const selves = byTrigger.within(c.start, c.start + 1).filter((d) => placedSet.has(d) && d.trigger.end === c.end);
    if (selves.length > 0) {
      for (const d of selves) d.cues!.push(c);
      continue;
    }
    const said = ctx.statementAt(c.start);
    // "refused to agree to a quick settlement": a cue whose object is a trigger belongs to it,
    // placed or not (the clause's other event does not take it).
    const object = byTrigger.within(c.end, c.end + 30).find((d) => OBJECT_OF.test(text.slice(c.end, d.trigger.start)));
    if (object && object.statement === said) {
      if (placedSet.has(object) || partialSet.has(object)) object.cues!.push(c);
      continue;
    }
    (nearest(ctx, c, said, placedOwners.around(c.end), setting) ?? nearest(ctx, c, said, partialOwners.around(c.end), setting))?.cues!.push(c);
  }
  return drafts;
}

/** Drafts by clause: those whose clause may hold an offset, in their original order. */
class ClauseIndex {
  private readonly index: StartIndex<Draft>;
  private readonly longest: number;

  constructor(drafts: Draft[]) {
    this.index = new StartIndex(drafts, (d) => d.clause.start);
    this.longest = drafts.reduce((m, d) => Math.max(m, d.clause.end - d.clause.start), 0);
  }

  /** A superset of the drafts whose clause holds `offset` (nearest() checks exactly). */
  around(offset: number): Draft[] {
    return this.index.within(offset - this.longest, offset + 1);
  }
}

/** The draft of the cue's clause and statement nearest to it, outside settings. */
function nearest(ctx: EventContext, c: CueHit, said: unknown, owners: Draft[], setting: Set<Draft>): Draft | null {
  let best: Draft | null = null;
  let bestDist = Infinity;
  for (const d of owners) {
    if (c.end <= d.clause.start || c.end > d.clause.end) continue;
    // A cue may straddle the start of a reported clause ("announced plans for a summit").
    if (d.statement !== said && !(c.start < d.clause.start && d.statement === ctx.statementAt(d.clause.start))) continue;
    // "agreed at his summit with Venn to ...": a noun after "at" or "during" is where things happened, not what the cues are about.
    if (setting.has(d)) continue;
    const dist = distance(d, c);
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}
