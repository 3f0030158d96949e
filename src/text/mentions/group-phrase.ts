/**
 * Plural phrases that stand for the parties of an event ("the two leaders", "both sides"),
 * from group-refs.yml: a determiner, at most one word, a head. The local entity stage reads a
 * whole mention against it (such a phrase is no entity of its own); the events stage finds it
 * in a clause (the phrase takes the parties of the event named before).
 */
import { z } from 'zod';
import { alternation, compiledLexicon, loadLexicon } from '../../core/lexicon.js';

const GroupRefEntry = z.object({ id: z.string().min(1), determiners: z.array(z.string().min(1)).min(1), heads: z.array(z.string().min(1)).min(1) });

export const groupPhrase = compiledLexicon((): { whole: RegExp; search: RegExp } => {
  const entries = loadLexicon('group-refs', GroupRefEntry);
  const phrase = `(?:${alternation(entries.flatMap((e) => e.determiners))})\\s+(?:[\\p{L}-]+\\s+)?(?:${alternation(entries.flatMap((e) => e.heads))})`;
  return { whole: new RegExp(`^${phrase}$`, 'iu'), search: new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'giu') };
});
