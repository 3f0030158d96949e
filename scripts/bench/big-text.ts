/**
 * One long plain-text document of at most (and about) `bytes` bytes: the bodies of synthetic articles
 * (scripts/bench/synthetic.ts: invented people, places and stories) one after another, as a
 * very long report or a transcript would run. For benchmarks of time in document size.
 */
import { generateArticle, makeRng } from './synthetic.js';

export function bigText(bytes: number, seed = 7): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const lines = generateArticle(i, makeRng(seed * 7919 + i)).text.split('\n');
    // The first article keeps its title and date lines; the others continue its body.
    const body = (i === 0 ? lines : lines.slice(lines.indexOf('') + 1)).join('\n').trim();
    // At most `bytes`: a size limit in bytes stays a limit.
    if (i > 0 && size + Buffer.byteLength(body) + 2 > bytes) break;
    parts.push(body);
    size += Buffer.byteLength(body) + 2;
  }
  return parts.join('\n\n') + '\n';
}
