/**
 * `Vell: Port Will Close in May` / `Poll: Reede Leads in Brill` -> a headline or a line that
 * opens with a named speaker and a colon: the rest of the line is what the speaker said.
 * All-capital labels are transcript lines (transcript-line.ts); labels such as `Photo:` or
 * `Updated:` and places (`BRILL:`-style datelines) are not speakers.
 */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange, titleCase } from '../context.js';

/** Generic labels that stand for a source. */
const SOURCE_LABELS = /^(?:Poll|New\s+poll|Survey|Report|Sources|Officials|Aides|Insiders)$/;
/** Labels that are page furniture, not speakers. */
const NOT_SPEAKER = /^(?:Photo|Photos|Video|Image|Images|Update|Updated|Note|Editor|Editors|Correction|Related|Read|Watch|Listen|Source|By|Posted|Published|Credit|Caption|See|Also|Tags|Topics|Filed|Warning|Advertisement|Transcript|Question|Answer|Q|A|Live|Breaking|Opinion|Analysis|Exclusive|Explainer|Full\s+text|Timeline|Graphic|Map|Chart|Follow|Subscribe|Contact|Email|Phone|Website|Address|Date|Time|Location|Subject|Re)$/i;

export const labelColon: SentenceRule = {
  id: 'attribution/label-colon',
  pattern: () => /^[ \t]*["“]?(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}):[ \t]+(?=\S)/gmu,
  apply: (ctx, m, sentence) => {
    const label = m[1]!;
    if (NOT_SPEAKER.test(label) || !/\p{Ll}/u.test(label)) return null;
    const nameAt = m.index + m[0].indexOf(label);
    const mention = ctx.mentions.find((x) => x.span.start === nameAt && x.span.end === nameAt + label.length) ?? null;
    const lineEnd = ctx.text.indexOf('\n', m.index);
    const line = ctx.text.slice(m.index + m[0].length, lineEnd < 0 ? ctx.text.length : lineEnd);
    // A name the mention finder did not take (a headline's first word) counts before a title-case line.
    if (!SOURCE_LABELS.test(label) && !(mention ? mention.kind === 'name' && mention.type !== 'place' : label.split(/\s+/).length <= 3 && line.length < 160 && titleCase(line))) return null;
    const content = trimRange(ctx.text, { start: m.index + m[0].length, end: lineEnd < 0 ? ctx.text.length : lineEnd });
    if ((ctx.text.slice(content.start, content.end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return null;
    const read = readContent(ctx, content);
    const colon = nameAt + label.length;
    return {
      kind: read.kind,
      content: read.content,
      evidence: { start: sentence.start, end: content.end },
      cue: { start: colon, end: colon + 1 },
      speaker: { start: nameAt, end: colon, mention },
      addressee: null,
      channel: null,
      rule: labelColon.id,
    };
  },
};
