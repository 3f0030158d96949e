/**
 * Clauses: the part of a sentence a trigger and its status cue must share. We cut at strong
 * breaks (semicolon, dash, "but", "while", "after", "before", "since") because a status on one side
 * of them speaks of another happening ("planned to meet, but the summit was called off"
 * keeps both). "because" is not a break: a denial of the premise lives across it.
 * Also cut: a relative clause on a place or thing (", where he met", ", which ended"),
 * a second reported clause ("and that he might call"), and a second verb phrase joined by
 * "and" (", and", '," and', "and has insisted", "and at least delayed"): each tells its own
 * happening. A quote mark may stand between the comma and the "and".
 */
import type { Range } from './context.js';

const AUX = '(?:has|had|have|is|was|were|will|would|also|then|later|at\\s+least)';
const BREAK = new RegExp(
  [
    ';', '\\s[—–]\\s', '\\s--\\s', ',?\\s+but\\s+', ',\\s+while\\s+', ',\\s+whereas\\s+', '\\s+after\\s+', '\\s+before\\s+',
    ',\\s+although\\s+', ',["”’]?\\s+and\\s+', ',\\s+though\\s+', '\\s+then\\s+', '\\s+since\\s+', ',\\s+(?:where|which)\\s+', '\\s+and\\s+that\\s+',
    `\\s+and\\s+(?=${AUX}\\b)`,
  ].join('|'),
  'giu',
);

export function clauseAround(text: string, region: Range, at: Range): Range {
  const slice = text.slice(region.start, region.end);
  let start = region.start;
  let end = region.end;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(slice); m; m = BREAK.exec(slice)) {
    const bStart = region.start + m.index;
    const bEnd = bStart + m[0].length;
    if (bEnd <= at.start) start = bEnd;
    else if (bStart >= at.end) {
      end = bStart;
      break;
    }
  }
  return { start, end };
}
