/**
 * Plural phrases that stand for the parties of an event ("the two leaders", "both sides"),
 * from group-refs.yml: a determiner, at most one word, a head. The local entity stage reads a
 * whole mention against it (such a phrase is no entity of its own); the events stage finds it
 * in a clause (the phrase takes the parties of the event named before).
 */
import { z } from 'zod';
import { alternation, compiledLexicon, loadLexicon } from '../../core/lexicon.js';

const GroupRefEntry = z.object({
  id: z.string().min(1),
  /** What the phrase names when no event before it does (see group-refs.yml). */
  stands: z.enum(['people', 'countries', 'companies', 'parties']).default('parties'),
  /** The phrase stands only for parties of its kind: an event of other parties named before it is not theirs. */
  kindOnly: z.boolean().default(false),
  determiners: z.array(z.string().min(1)).min(1),
  heads: z.array(z.string().min(1)).min(1),
});
export type GroupStands = z.infer<typeof GroupRefEntry>['stands'];

export const groupPhrase = compiledLexicon((): { whole: RegExp; search: RegExp; stands: (phrase: string) => GroupStands; kindOnly: (phrase: string) => boolean } => {
  const entries = loadLexicon('group-refs', GroupRefEntry);
  const phrase = `(?:${alternation(entries.flatMap((e) => e.determiners))})\\s+(?:[\\p{L}-]+\\s+)?(?:${alternation(entries.flatMap((e) => e.heads))})`;
  const byHead = new Map<string, z.infer<typeof GroupRefEntry>>();
  for (const e of entries) for (const h of e.heads) if (!byHead.has(h.toLowerCase())) byHead.set(h.toLowerCase(), e);
  const heads = [...byHead.keys()].sort((a, b) => b.length - a.length);
  const entryOf = (p: string): z.infer<typeof GroupRefEntry> | undefined => {
    const low = p.toLowerCase().replace(/\s+/g, ' ');
    const head = heads.find((h) => low.endsWith(h));
    return head ? byHead.get(head) : undefined;
  };
  return {
    whole: new RegExp(`^${phrase}$`, 'iu'),
    search: new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'giu'),
    stands: (p) => entryOf(p)?.stands ?? 'parties',
    kindOnly: (p) => entryOf(p)?.kindOnly ?? false,
  };
});
