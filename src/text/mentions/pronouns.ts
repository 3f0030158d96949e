/** Personal pronouns that can stand for a speaker (he, she, they), from pronouns.yml. */
import type { Doc } from '../../core/types.js';
import type { MentionLexicon } from './lexicon.js';
import type { MentionDraft } from './draft.js';

let cache: { lex: MentionLexicon; re: RegExp } | null = null;

export function findPronouns(doc: Doc, lex: MentionLexicon): MentionDraft[] {
  if (cache?.lex !== lex) {
    const forms = [...lex.pronoun.keys()].flatMap((f) => [f, f.charAt(0).toUpperCase() + f.slice(1)]);
    cache = { lex, re: new RegExp(`\\b(?:${forms.join('|')})\\b`, 'g') };
  }
  const out: MentionDraft[] = [];
  const re = cache.re;
  re.lastIndex = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const p = lex.pronoun.get(m[0].toLowerCase())!;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'pronoun',
      type: p.number === 'plural' ? 'group' : 'person',
      key: m[0].toLowerCase(),
      roles: [],
      affiliation: null,
      gender: p.gender ?? null,
      plural: p.number === 'plural',
      rule: 'mentions/pronoun',
    });
  }
  return out;
}
