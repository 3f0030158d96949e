/**
 * Two drafts over the same content are one statement: keep the one with a named speaker, else
 * the earlier rule in config order (drafts arrive in that order per site). A draft whose content
 * lies inside another's, with the same speaker, is dropped. Attributions do not nest: of two
 * overlapping drafts, one whose cue lies inside the other's content is dropped.
 */
import type { Refiner } from './refiner.js';
import type { Draft } from '../context.js';

const score = (d: Draft): number => (d.speaker?.mention ? (d.speaker.mention.kind === 'pronoun' ? 2 : 3) : d.speaker ? 1 : 0);

export const dropOverlaps: Refiner = {
  id: 'attribution/drop-overlaps',
  refine: (_ctx, drafts) => {
    const out: Draft[] = [];
    for (const d of drafts) {
      const clash = out.findIndex((o) => {
        const inter = Math.min(o.content.end, d.content.end) - Math.max(o.content.start, d.content.start);
        if (inter <= 0) return false;
        const small = Math.min(o.content.end - o.content.start, d.content.end - d.content.start);
        return inter >= 0.5 * small;
      });
      if (clash < 0) {
        out.push(d);
        continue;
      }
      const o = out[clash]!;
      // Attributions do not nest: a cue inside the other's content is part of what was said.
      const inside = (a: Draft, b: Draft): boolean => !!a.cue && a.cue.start >= b.content.start && a.cue.end <= b.content.end;
      if (inside(d, o) && !inside(o, d)) continue;
      if (inside(o, d) && !inside(d, o)) {
        out[clash] = d;
        continue;
      }
      if (score(d) > score(o)) out[clash] = d;
    }
    return out.sort((a, b) => a.content.start - b.content.start);
  },
};
