/**
 * Clauses: the part of a sentence a trigger and its status cue must share. We cut at strong
 * breaks (semicolon, dash, "but", "while", "after", "before", "until", "since") because a status on one side
 * of them speaks of another happening ("planned to meet, but the summit was called off"
 * keeps both). "because" is not a break: a denial of the premise lives across it.
 * Also cut: a relative clause on a place or thing (", where he met", ", which ended"),
 * a second reported clause ("and that he might call"), and a second verb phrase joined by
 * "and" (", and", '," and', "and has insisted", "and at least delayed"): each tells its own
 * happening; so does ", let alone" (kept in the clause after it, whose negation it is: "no talks,
 * let alone an agreement" denies the agreement too). A quote mark may stand between the comma and the "and". A quotation that closes
 * after a comma ('"...ready to meet," the minister said') ends its clause: the rest is narration.
 */
import type { Range } from './context.js';

/** "no talks, let alone a deal": the clause after it goes on from the one before (refiners/let-alone.ts). */
export const LET_ALONE = String.raw`let\s+alone\s`;

const AUX = '(?:has|had|have|is|was|were|will|would|also|then|later|now|still|soon|again|at\\s+least)';
const BREAK = new RegExp(
  [
    ';', '\\s[—–]\\s', '\\s--\\s', ',?\\s+but\\s+', ',\\s+while\\s+', ',\\s+whereas\\s+', '\\s+after\\s+', '\\s+before\\s+', '\\s+until\\s+',
    ',\\s+although\\s+', ',["”’]?\\s+and\\s+', ',\\s+though\\s+', '\\s+then\\s+', '\\s+since\\s+', ',\\s+(?:where|which)\\s+', '\\s+and\\s+that\\s+', `,\\s+(?=${LET_ALONE})`,
    `\\s+and\\s+(?=${AUX}\\b)`,
  ].join('|'),
  'giu',
);

/** A quotation closed after its comma or mark ('... an agenda," the envoy told'): what follows is the narrator's. Case-sensitive. */
const QUOTE_BREAK = /(?<=[,!?]["”])\s+(?=\p{Lu}|(?:he|she|they|said|says|added|told)\s)/gu;

/** The clause of `at` within `slice` by one break pattern: after the last break before it, up to the first after it. */
function cut(re: RegExp, slice: string, base: number, at: Range, into: Range): void {
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const bStart = base + m.index;
    const bEnd = bStart + m[0].length;
    if (bEnd <= at.start) into.start = Math.max(into.start, bEnd);
    else if (bStart >= at.end) {
      into.end = Math.min(into.end, bStart);
      break;
    }
  }
}

export function clauseAround(text: string, region: Range, at: Range): Range {
  const slice = text.slice(region.start, region.end);
  const out = { start: region.start, end: region.end };
  cut(BREAK, slice, region.start, at, out);
  if (slice.includes('"') || slice.includes('”')) cut(QUOTE_BREAK, slice, region.start, at, out);
  return out;
}
