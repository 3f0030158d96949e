/**
 * `Vell: Port Will Close in May` / `Poll: Reede Leads in Brill` -> a headline or a line that
 * opens with a named speaker and a colon: the rest of the line is what the speaker said.
 * All-capital labels are transcript lines (transcript-line.ts); labels such as `Photo:` or
 * `Updated:` and places (`BRILL:`-style datelines) are not speakers.
 */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange, titleCase, wordCount } from '../context.js';

/** Generic labels that stand for a source. */
const SOURCE_LABELS = /^(?:Poll|New\s+poll|Survey|Report|Sources|Officials|Aides|Insiders)$/;
/** What may follow the name in a label: `camp`, `aides`, `at the rally`, `to the workers`, `on the plan`. */
const LABEL_TAIL = /^(?:\s+(?:camp|campaign|aides?|allies|team|spokes(?:man|woman|person)|lawyers?|office|supporters))?(?:\s+(?:at|to|on|in|from|for|after|before|with|about|over)\s+[^:]{1,60})?$/;
/** Labels that are page furniture, not speakers. */
const NOT_SPEAKER = /^(?:Photo|Photos|Video|Image|Images|Update|Updated|Note|Editor|Editors|Correction|Related|Read|Watch|Listen|Source|By|Posted|Published|Credit|Caption|See|Also|Tags|Topics|Filed|Warning|Advertisement|Transcript|Question|Answer|Q|A|Live|Breaking|Opinion|Analysis|Exclusive|Explainer|Full\s+text|Latest|The\s+Latest|Still\s+to\s+come|Coming\s+up|Now\s+we\s+know|Timeline|Graphic|Map|Chart|Follow|Subscribe|Contact|Email|Phone|Website|Address|Date|Time|Location|Subject|Re)$/i;

export const labelColon: SentenceRule = {
  id: 'attribution/label-colon',
  pattern: () => /^[ \t]*(?:\p{Lu}{3,}[ \t]*[–—-][ \t]*)?["“]?(\p{Lu}[^:\n"“”]{0,70}?):[ \t]+(?=\S)/gmu,
  apply: (ctx, m, sentence) => {
    let label = m[1]!;
    if (NOT_SPEAKER.test(label) || !/\p{Ll}/u.test(label)) return null;
    const nameAt = m.index + m[0].indexOf(label);
    const lineEnd = ctx.text.indexOf('\n', m.index);
    const line = ctx.text.slice(m.index + m[0].length, lineEnd < 0 ? ctx.text.length : lineEnd);
    let mention = ctx.mentions.find((x) => x.span.start === nameAt && x.span.end === nameAt + label.length) ?? null;
    // `Vell camp: …`, `Former mayor Vell at the rally: …`, `Vell to the workers: …`: a name near
    // the start of the label, then a group noun or a prepositional phrase.
    if (!mention && label.split(/\s+/).length > 1) {
      mention = ctx.mentions.find((x) => x.span.start >= nameAt && x.span.start <= nameAt + 20 && x.span.end <= nameAt + label.length && x.kind === 'name' && x.type !== 'place' && /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}$/u.test(ctx.text.slice(nameAt, x.span.start)) && LABEL_TAIL.test(ctx.text.slice(x.span.end, nameAt + label.length))) ?? null;
      if (mention && line.length > 200) return null;
      if (mention) label = ctx.text.slice(nameAt, mention.span.end);
    }
    // A name the mention finder did not take (a headline's first word) counts before a title-case line.
    if (!SOURCE_LABELS.test(label) && !(mention ? mention.kind === 'name' && mention.type !== 'place' : m[1]!.split(/\s+/).length <= 3 && line.length < 160 && titleCase(line))) return null;
    const content = trimRange(ctx.text, { start: m.index + m[0].length, end: lineEnd < 0 ? ctx.text.length : lineEnd });
    if (wordCount(ctx.text.slice(content.start, content.end)) < 3) return null;
    const read = readContent(ctx, content);
    const colon = nameAt + m[1]!.length;
    return {
      kind: read.kind,
      content: read.content,
      evidence: { start: sentence.start, end: content.end },
      cue: { start: colon, end: colon + 1 },
      speaker: { start: mention ? mention.span.start : nameAt, end: mention ? mention.span.end : colon, mention },
      addressee: null,
      channel: null,
      rule: labelColon.id,
    };
  },
};
