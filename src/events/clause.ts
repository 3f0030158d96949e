/**
 * Clauses: the part of a sentence a trigger and its status cue must share. We cut at strong
 * breaks (semicolon, dash, "but", "while", "after", "before") because a status on one side
 * of them speaks of another happening ("planned to meet, but the summit was called off"
 * keeps both). "because" is not a break: a denial of the premise lives across it.
 */
import type { Range } from './context.js';

const BREAK = /;|\s[—–]\s|\s--\s|,?\s+but\s+|,\s+while\s+|,\s+whereas\s+|\s+after\s+|\s+before\s+|,\s+although\s+|,\s+and\s+|,\s+though\s+|\s+then\s+/giu;

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
