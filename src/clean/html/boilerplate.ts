/**
 * Boilerplate removal before the article is looked for: what a page wraps around its article
 * (navigation, share bars, related links, comments, cookie banners, newsletter boxes, captions,
 * author boxes, tag lists) goes, by element name, ARIA role and the words of class and id
 * (data/lexicons/html-boilerplate.yml). An element that holds the headline or most of the
 * page's text stays whatever its name: pages name their wrappers loosely ("sidebar" around
 * the article). Also the tail cut: a short "Related articles" line after the article's text
 * ends it.
 */
import { z } from 'zod';
import { compiledLexicon, loadLexicon } from '../../core/lexicon.js';
import { clutterRules } from '../text/lexicons.js';

const Entry = z.object({ id: z.string().min(1), kind: z.enum(['tag', 'word', 'token', 'role', 'end', 'para', 'tail-para', 'tail-end']), forms: z.array(z.string().min(1)).min(1) });

interface Vocabulary {
  tags: Set<string>;
  words: Set<string>;
  tokens: Set<string>;
  roles: Set<string>;
  end: Set<string>;
  /** Paragraphs that are never article text, wherever they stand. */
  para: RegExp[];
  /** Paragraphs that are boilerplate in the article's last part. */
  tailPara: RegExp[];
  /** Paragraphs in the article's last part that start the page's own links. */
  tailEnd: RegExp[];
}

const vocabulary = compiledLexicon((): Vocabulary => {
  const v: Vocabulary = { tags: new Set(), words: new Set(), tokens: new Set(), roles: new Set(), end: new Set(), para: [], tailPara: [], tailEnd: [] };
  for (const e of loadLexicon('html-boilerplate', Entry)) {
    if (e.kind === 'para' || e.kind === 'tail-para' || e.kind === 'tail-end') {
      for (const f of e.forms) (e.kind === 'para' ? v.para : e.kind === 'tail-para' ? v.tailPara : v.tailEnd).push(new RegExp(f, 'iu'));
      continue;
    }
    const set = e.kind === 'tag' ? v.tags : e.kind === 'word' ? v.words : e.kind === 'token' ? v.tokens : e.kind === 'role' ? v.roles : v.end;
    for (const f of e.forms) set.add(e.kind === 'tag' ? f.toUpperCase() : f.toLowerCase());
  }
  return v;
});

export interface BpEl {
  tagName: string;
  children: ArrayLike<BpEl>;
  textContent: string | null;
  getAttribute(n: string): string | null;
  querySelector(s: string): BpEl | null;
  querySelectorAll(s: string): ArrayLike<BpEl>;
  remove(): void;
}

/** Classes that describe the post rather than the element ("category-comments", "tag-news"), or say what it lacks ("no-share"). */
const POST_CLASS = /^(?:category|tag|format|status|type|topic|post-\d|postid)[-_]|^(?:no|has|with|without|hide)[-_]/i;

function isBoilerplate(el: BpEl, v: Vocabulary): boolean {
  if (v.tags.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && v.roles.has(role.toLowerCase())) return true;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  for (const a of ['class', 'id']) {
    const val = el.getAttribute(a);
    if (!val) continue;
    for (const token of val.split(/\s+/)) {
      if (!token || POST_CLASS.test(token)) continue;
      const t = token.toLowerCase();
      if (v.tokens.has(t) || v.words.has(t)) return true;
      for (const w of token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_\-:.]+/)) if (v.words.has(w)) return true;
    }
  }
  return false;
}

const CONTAINERS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Characters of text in an element's paragraphs (<p>): what an article is made of. */
function paragraphText(el: BpEl): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').length;
  return n;
}

/** Remove the page's boilerplate in place; returns how many elements went. */
export function removeBoilerplate(body: BpEl): number {
  const v = vocabulary();
  const total = paragraphText(body);
  let removed = 0;
  const walk = (el: BpEl): void => {
    const kids = Array.from(el.children);
    for (const k of kids) {
      if (!CONTAINERS.has(k.tagName.toUpperCase()) && isBoilerplate(k, v)) {
        // Never the headline, never most of the page's paragraphs.
        if (!k.querySelector('h1') && paragraphText(k) <= 0.4 * total) {
          k.remove();
          removed++;
          continue;
        }
      }
      walk(k);
    }
  };
  walk(body);
  return removed;
}

/** Words of a short line, lower case, without end punctuation. */
const lineKey = (p: string): string => p.toLowerCase().replace(/[\s:.…»>›|–—-]+$/u, '').replace(/^[\s«<‹|–—-]+/u, '').trim();

/**
 * Cut the article's tail at a short line that starts the page's own links ("Related articles"),
 * when it comes after most of the text.
 */
export function cutTail(paras: string[]): string[] {
  const v = vocabulary();
  const total = paras.reduce((n, p) => n + p.length, 0);
  let seen = 0;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (seen > total * 0.5 && p.length <= 60 && v.end.has(lineKey(p))) return paras.slice(0, i);
    seen += p.length;
  }
  return paras;
}

/** Where the article's last part begins, as a share of its text. */
const TAIL_SHARE = 0.6;

const wordCount = (p: string): number => p.split(/\s+/).filter(Boolean).length;

/**
 * Paragraph-level clutter inside the article's container: the line rules of plain text
 * (clutter.yml: share prompts, captions and credits, "Read more: …", copyright lines, author
 * bios, end markers) and the paragraph rules of html-boilerplate.yml (subscription walls,
 * newsletter prompts, "see also" teasers, licence and reprint notes, back links). A rule for
 * the tail or an end marker counts only in the last 40% of the text.
 */
export function dropClutter(paras: string[]): string[] {
  const v = vocabulary();
  const rules = clutterRules();
  const total = paras.reduce((n, p) => n + p.length, 0);
  const out: string[] = [];
  let seen = 0;
  for (const p of paras) {
    const atTail = seen >= total * TAIL_SHARE;
    seen += p.length;
    const words = wordCount(p);
    let drop = false;
    let end = false;
    for (const r of rules) {
      if (r.where === 'top' || !r.html) continue;
      if (r.where === 'tail' && !atTail) continue;
      if (r.action === 'end' && !atTail) continue;
      if (r.maxWords !== undefined && words > r.maxWords) continue;
      if (r.re.test(p)) {
        drop = true;
        end = r.action === 'end';
        break;
      }
    }
    if (!drop && atTail && v.tailEnd.some((re) => re.test(p))) end = drop = true;
    // A short line that would end the article in the tail ("Related articles") is never its text.
    if (!drop) drop = (p.length <= 60 && v.end.has(lineKey(p))) || v.para.some((re) => re.test(p)) || (atTail && v.tailPara.some((re) => re.test(p)));
    if (end) break;
    if (!drop) out.push(p);
  }
  return out;
}
