/**
 * A second verb of the speaker of the verb before it in the sentence (`X said A but added that
 * B`, `…, adding that B`): it takes that speaker, and a new statement ends the first one's content.
 */
import type { AttributionContext, CueSite, Range, SpeakerRef } from '../context.js';
import type { VerbEntry } from '../lexicon.js';
import { trimRange } from '../context.js';

/** What joins a second verb to the first: a comma, or `and`/`but` (`but later`). */
const JOINED_RE = /(?:,|\b(?:and|but)(?:\s+(?:also|later|then))?)\s*$/;
/** A conjunction, not a bare comma: a finite verb after it is a second statement. */
const CONJOINED_RE = /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/;
/** Where the joint starts (the comma or the conjunction, with its adverb). */
const JOINT_RE = /(?:,|\b(?:and|but))(?:\s+(?:also|later|then))?\s*$/;

export function sameSpeaker(ctx: AttributionContext, form: string, verb: VerbEntry, cue: Range, from: number, prevSite: CueSite | undefined, left: { ref: SpeakerRef; phraseStart: number } | null): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const lead = text.slice(prevSite ? prevSite.cue.end : from, cue.start);
  // A second verb of the same speaker: "X said A but added that B", "…, adding that B".
  if (prevSite && (prevSite.left ?? prevSite.right) && (JOINED_RE.test(lead) && (!left || left.ref.start < prevSite.cue.end || !!prevSite.after && left.ref.start >= prevSite.after.start && CONJOINED_RE.test(lead))) && (/ing$/.test(form) || CONJOINED_RE.test(lead))) {
    const joint = cue.start - (lead.length - lead.search(JOINT_RE));
    left = { ref: (prevSite.left ?? prevSite.right)!, phraseStart: joint };
    // "…, adding that B" elaborates the first statement, which keeps it; "… but added that B"
    // is a second statement, which ends the first.
    if (prevSite.after && prevSite.after.end > joint && !(verb.elaborates && /ing$/.test(form))) prevSite.after = trimRange(text, { start: prevSite.after.start, end: joint });
  }
  return left;
}
