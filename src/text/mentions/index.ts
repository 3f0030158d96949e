/**
 * Stage: doc.mentions. Names (capitalized sequences with titles), descriptions and anonymous
 * sources, pronouns; then overlaps are settled (refine.ts) and drafts become Mentions.
 */
import { posIndex } from '../../core/doc.js';
import type { Doc, Mention } from '../../core/types.js';
import { span } from '../../core/span.js';
import { mentionLexicon } from './lexicon.js';
import { findNames } from './names.js';
import { findDescriptions } from './descriptions.js';
import { findPronouns } from './pronouns.js';
import { settleOverlaps } from './refine.js';

export { mentionLexicon } from './lexicon.js';

export function findMentions(doc: Doc): void {
  const lex = mentionLexicon();
  const posAt = posIndex(doc);
  const sentenceStart = new Set(doc.sentences.map((s) => s.start));
  const headline = headlineTest(doc);
  const names = findNames({ doc, lex, posAt, sentenceStart, headline });
  const descriptions = findDescriptions(doc, lex, posAt).filter((d) => !headline(d.start));
  const pronouns = findPronouns(doc, lex);
  const drafts = settleOverlaps(doc.text, names, descriptions, pronouns);
  // Written out in full, with and without a name: a spread amid the fields (`...(name ? …)`)
  // sends every later field down V8's slow path.
  doc.mentions = drafts.map((d, i): Mention => {
    const id = `m${i + 1}`;
    const at = span(d.start, d.end, d.rule);
    return d.name !== undefined
      ? { id, span: at, kind: d.kind, type: d.type, key: d.key, roles: d.roles, affiliation: d.affiliation, local: null, name: d.name, gender: d.gender, plural: d.plural }
      : { id, span: at, kind: d.kind, type: d.type, key: d.key, roles: d.roles, affiliation: d.affiliation, local: null, gender: d.gender, plural: d.plural };
  });
}

/**
 * A title-case line (headline, caption credit) makes every word look like a name: a paragraph
 * with four or more words of which most are capitalized, and no closing full stop, is skipped.
 */
function headlineTest(doc: Doc): (offset: number) => boolean {
  const lines: Array<[number, number]> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const words = m[0].match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    if (words.length < 4 || /[.!?]["”’]?\s*$/.test(m[0])) continue;
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    const small = words.filter((w) => /^(?:a|an|the|of|in|on|to|for|and|or|at|by|with|from|as)$/.test(w)).length;
    if (caps / Math.max(1, words.length - small) >= 0.75) lines.push([m.index, m.index + m[0].length]);
  }
  if (!lines.length) return () => false;
  return (o) => {
    let lo = 0, hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = lines[mid]!;
      if (o < a) hi = mid - 1;
      else if (o >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
