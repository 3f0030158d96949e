/**
 * A second verb of the speaker of the verb before it in the sentence (`X said A but added that
 * B`, `…, adding that B`): it takes that speaker, and a new statement ends the first one's content.
 */
import type { AttributionContext, CueSite, Range, SpeakerRef } from '../context.js';
import { trimRange } from '../context.js';

export function sameSpeaker(ctx: AttributionContext, form: string, cue: Range, from: number, prevSite: CueSite | undefined, left: { ref: SpeakerRef; phraseStart: number } | null): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const lead = text.slice(prevSite ? prevSite.cue.end : from, cue.start);
  // A second verb of the same speaker: "X said A but added that B", "…, adding that B".
  if (prevSite && (prevSite.left ?? prevSite.right) && (/(?:,|\b(?:and|but)(?:\s+(?:also|later|then))?)\s*$/.test(lead) && (!left || left.ref.start < prevSite.cue.end || !!prevSite.after && left.ref.start >= prevSite.after.start && /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/.test(lead))) && (/ing$/.test(form) || /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/.test(lead))) {
    const joint = cue.start - (lead.length - lead.search(/(?:,|\b(?:and|but))(?:\s+(?:also|later|then))?\s*$/));
    left = { ref: (prevSite.left ?? prevSite.right)!, phraseStart: joint };
    // "…, adding that B" elaborates the first statement, which keeps it; "… but added that B"
    // is a second statement, which ends the first.
    if (prevSite.after && prevSite.after.end > joint && form !== 'adding' && form !== 'noting') prevSite.after = trimRange(text, { start: prevSite.after.start, end: joint });
  }
  return left;
}
