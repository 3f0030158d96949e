/**
 * Publication-date candidates of an HTML page, each with the rule that found it, in the order
 * the page's own markup deserves trust:
 *   jsonld       `datePublished` of JSON-LD nodes (also in @graph and arrays; article types first),
 *                read leniently from scripts that are not valid JSON;
 *   opengraph,   <meta> names that carry a publication date (data/lexicons/page-dates.yml),
 *   metadata     and any element with itemprop=datePublished;
 *   time-element <time datetime> outside comments and related items (pubdate or a publication
 *                class first);
 *   markup       a short element marked as a date by its class or id ("entry-date",
 *                "article__published"), or a date after a label ("Published", "Veröffentlicht am"),
 *                the one nearest the headline first;
 *   script       a publication-date key in a page's inline data ("publishedAt": "...");
 *   modified     a "last updated" stamp: used only when the page gives no publication date;
 *   text         the last resort: the first full date of the page's text.
 * Never from a comment, a related item, a footer or a copyright line.
 */
import { z } from 'zod';
import { compiledLexicon, escapeRegExp, loadLexicon } from '../../core/lexicon.js';
import type { DateCandidate, PublishedSource } from '../../core/types.js';
import { readPageDate } from '../../time/read-date.js';

const HintEntry = z.object({ id: z.string(), kind: z.literal('hint'), role: z.enum(['published', 'date', 'modified', 'skip']), forms: z.array(z.string().min(1)).min(1) });
const MetaEntry = z.object({ id: z.string(), kind: z.literal('meta'), role: z.enum(['published', 'generic', 'modified']), names: z.array(z.string().min(1)).min(1) });
const LabelEntry = z.object({ id: z.string(), kind: z.literal('label'), role: z.enum(['published', 'modified']), forms: z.array(z.string().min(1)).min(1) });
const Entry = z.union([HintEntry, MetaEntry, LabelEntry, z.object({ id: z.string(), kind: z.literal('month') }).passthrough()]);

type Role = 'published' | 'date' | 'modified' | 'skip';

interface Vocabulary {
  meta: Map<string, 'published' | 'generic' | 'modified'>;
  hint: Map<string, Role>;
  /** A label and what follows it: group 1 the label. */
  label: RegExp;
  labelRole: Map<string, 'published' | 'modified'>;
}

const vocabulary = compiledLexicon((): Vocabulary => {
  const meta = new Map<string, 'published' | 'generic' | 'modified'>();
  const hint = new Map<string, Role>();
  const labelRole = new Map<string, 'published' | 'modified'>();
  for (const e of loadLexicon('page-dates', Entry)) {
    if (e.kind === 'meta') for (const n of (e as z.infer<typeof MetaEntry>).names) meta.set(n.toLowerCase(), (e as z.infer<typeof MetaEntry>).role);
    else if (e.kind === 'hint') for (const f of (e as z.infer<typeof HintEntry>).forms) hint.set(f.toLowerCase(), (e as z.infer<typeof HintEntry>).role);
    else if (e.kind === 'label') for (const f of (e as z.infer<typeof LabelEntry>).forms) labelRole.set(f.toLowerCase(), (e as z.infer<typeof LabelEntry>).role);
  }
  const alt = [...labelRole.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRegExp(f).replace(/ /g, '\\s+')).join('|');
  return { meta, hint, labelRole, label: new RegExp(String.raw`(?<!\p{L})(${alt})(?!\p{L})\s*:?\s*`, 'giu') };
});

/** The little of linkedom's DOM used here. */
export interface DomEl {
  tagName: string;
  children: ArrayLike<DomEl>;
  attributes: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  querySelector(sel: string): DomEl | null;
}

/** An attribute by name, whatever its case in the markup. */
export function attr(el: DomEl, name: string): string | null {
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) if (attrs[i]!.name.toLowerCase() === name) return attrs[i]!.value;
  return null;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Posting|Report|NewsArticle|Review|Recipe|VideoObject|Event)$/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'NAV', 'FOOTER', 'ASIDE', 'SELECT', 'OPTION', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA']);
const CONTAINERS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
const COPYRIGHT = /©|&copy;|\(c\)\s*\d{4}|\bcopyright\b/i;
const SCRIPT_KEY = /"(datePublished|date_published|publishedAt|published_at|publishedDate|published_date|publishDate|publish_date|publicationDate|pubDate\w*|datePosted|firstPublished\w*|createdAt|created_at|dateCreated)"\s*:\s*(?:\{[^{}]{0,40}?)?"([^"]{6,40})"/g;

/** Words of a class, id or itemprop value: "entry-meta__date" -> entry-meta__date, entry, meta, date. */
function hintWords(v: string): string[] {
  const out: string[] = [];
  for (const token of v.split(/\s+/)) {
    // Classes that describe the post, not the element: "category-comment", "tag-events".
    if (!token || /^(?:category|tag|format|status|type|topic|rubrik|ressort)[-_]|^post-\d/i.test(token)) continue;
    out.push(token.toLowerCase());
    for (const w of token.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_\-:.]+/)) if (w) out.push(w.toLowerCase());
  }
  return out;
}

const ROLE_RANK: Record<Role, number> = { skip: 0, published: 1, modified: 2, date: 3 };

/** The strongest role an element's class, id, itemprop or test id gives it, or null. */
function roleOf(el: DomEl, v: Vocabulary): Role | null {
  let best: Role | null = null;
  for (const a of ['class', 'id', 'itemprop', 'data-testid']) {
    const val = attr(el, a);
    if (!val) continue;
    for (const w of hintWords(val)) {
      const r = v.hint.get(w);
      if (r && (!best || ROLE_RANK[r] < ROLE_RANK[best])) best = r;
    }
  }
  return best;
}

interface Found {
  raw: string;
  source: PublishedSource;
  rule: string;
  /** Lower is more trusted within the same source. */
  rank: number;
  /** Position in document order, to prefer what is near the headline. */
  pos: number;
}

export interface PageDateOptions {
  /** Read d/d/yyyy month first (an American English page). */
  monthFirst?: boolean;
}

/** Publication-date candidates of a parsed page, best first. */
export function findPageDates(document: { documentElement: DomEl | null; querySelectorAll(sel: string): ArrayLike<DomEl> & Iterable<DomEl> }, opts: PageDateOptions = {}): DateCandidate[] {
  const v = vocabulary();
  const found: Found[] = [];
  const add = (raw: string | null | undefined, source: PublishedSource, rule: string, rank = 0, pos = 0): void => {
    const r = raw?.replace(/\s+/g, ' ').trim();
    if (r && /\d/.test(r) && r.length < 300) found.push({ raw: r, source, rule, rank, pos });
  };

  // JSON-LD.
  for (const s of document.querySelectorAll('script')) {
    const type = (attr(s, 'type') ?? '').toLowerCase();
    const text = s.textContent ?? '';
    if (type === 'application/ld+json') readJsonLd(text, add);
    else if (!type || /javascript|json/.test(type)) {
      SCRIPT_KEY.lastIndex = 0;
      for (let m = SCRIPT_KEY.exec(text); m; m = SCRIPT_KEY.exec(text)) {
        if (readPageDate(m[2]!)) {
          add(m[2], 'script', `script/${m[1]}`);
          break;
        }
      }
    }
  }

  // <meta> names.
  for (const m of document.querySelectorAll('meta')) {
    const key = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? attr(m, 'http-equiv') ?? '').trim().toLowerCase();
    const role = v.meta.get(key);
    if (!role) continue;
    const content = attr(m, 'content');
    if (role === 'modified') add(content, 'modified', `meta/${key}`, 1);
    // A name that does not say which date (dc.date, "date") is trusted less than the article's own date line.
    else if (role === 'generic') add(content, 'metadata', `meta-generic/${key}`, 1);
    else add(content, /^(?:og|article):/.test(key) ? 'opengraph' : 'metadata', `meta/${key}`);
  }

  // The page's elements, in document order, outside comments, related items and footers.
  let pos = 0;
  let headline = -1;
  const textDates: Found[] = [];
  const walk = (el: DomEl, skipped: boolean): void => {
    pos++;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const role = roleOf(el, v);
    // The page, the article or what holds the headline is never skipped for a word in its classes.
    const skip = skipped || (role === 'skip' && !CONTAINERS.has(tag) && !el.querySelector('h1'));
    if (tag === 'H1' && headline < 0) headline = pos;
    if (!skip) {
      const itemprop = (attr(el, 'itemprop') ?? '').toLowerCase();
      if (itemprop === 'datepublished' && tag !== 'META') add(attr(el, 'content') ?? attr(el, 'datetime') ?? el.textContent, 'metadata', 'itemprop/datePublished', 0, pos);
      else if (itemprop === 'datemodified') add(attr(el, 'content') ?? attr(el, 'datetime') ?? el.textContent, 'modified', 'itemprop/dateModified', 0, pos);
      if (tag === 'TIME') {
        const dt = attr(el, 'datetime') ?? el.textContent;
        if (role === 'modified') add(dt, 'modified', 'time/modified', 0, pos);
        else add(dt, 'time-element', attr(el, 'pubdate') !== null || role === 'published' ? 'time/published' : 'time', attr(el, 'pubdate') !== null || role === 'published' ? 0 : 1, pos);
      } else if (role && el.children.length <= 8) {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const title = attr(el, 'title') ?? attr(el, 'content') ?? attr(el, 'datetime');
        const raw = text.length <= 120 && readPageDate(text, opts) ? text : title && readPageDate(title, opts) ? title : null;
        if (raw && !COPYRIGHT.test(raw)) {
          const label = labelBefore(raw, v, opts);
          const modified = label ? label === 'modified' : role === 'modified';
          add(raw, modified ? 'modified' : 'markup', `markup/${modified ? 'modified' : role}`, role === 'published' ? 0 : 1, pos);
        }
      }
    }
    const kids = el.children;
    if (!skip) {
      const text = ownText(el);
      if (text && text.length <= 200 && /\d/.test(text)) labelled(text, pos, v, opts, add, textDates);
    }
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, skip);
  };
  if (document.documentElement) walk(document.documentElement, false);
  found.push(...textDates);

  // Near the headline first: after it, then before it (further counts double).
  const near = (p: number): number => (headline < 0 || p === 0 ? 0 : p >= headline ? p - headline : (headline - p) * 2);
  const sources: PublishedSource[] = ['jsonld', 'opengraph', 'metadata', 'time-element', 'markup', 'script', 'modified', 'text'];
  found.sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source) || a.rank - b.rank || (a.source === 'markup' ? near(a.pos) - near(b.pos) : 0) || a.pos - b.pos);
  const seen = new Set<string>();
  const out: DateCandidate[] = [];
  for (const f of found) {
    const key = `${f.source}|${f.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ raw: f.raw, source: f.source, rule: f.rule });
  }
  return out;
}

/** The role of the label written before the first date of `text`, if any. */
function labelBefore(text: string, v: Vocabulary, opts: PageDateOptions): 'published' | 'modified' | null {
  const d = readPageDate(text, opts);
  if (!d) return null;
  const head = text.slice(0, d.index);
  let role: 'published' | 'modified' | null = null;
  v.label.lastIndex = 0;
  for (let m = v.label.exec(head); m; m = v.label.exec(head)) role = v.labelRole.get(m[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? role;
  return role;
}

/** The element's own text (its text nodes, not its children's), white space collapsed. */
function ownText(el: DomEl): string {
  let t = '';
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.nodeType === 3) t += nodes[i]!.textContent ?? '';
  return t.replace(/\s+/g, ' ').trim();
}

/** "24. April bis 2. Oktober", "from 3 to 5 May": a range is no publication date. */
const RANGE = /\d\.?\s*(?:\p{L}+\.?\s*)?(?:bis|to|until|au|al|[-–—])\s*\d/u;

/** A date written after a label ("Published: ...", "aktualisiert am ..."), else the first date of a text leaf. */
function labelled(text: string, pos: number, v: Vocabulary, opts: PageDateOptions, add: (raw: string, s: PublishedSource, rule: string, rank: number, pos: number) => void, textDates: Found[]): void {
  if (COPYRIGHT.test(text) || RANGE.test(text)) return;
  v.label.lastIndex = 0;
  for (let m = v.label.exec(text); m; m = v.label.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    const d = readPageDate(rest, opts);
    if (d && d.index <= 16) {
      const role = v.labelRole.get(m[1]!.toLowerCase().replace(/\s+/g, ' '))!;
      add(rest.slice(0, d.index + d.length), role === 'modified' ? 'modified' : 'markup', `label/${role}`, role === 'published' ? 0 : 1, pos);
      return;
    }
  }
  if (textDates.length < 3) {
    const d = readPageDate(text, opts);
    if (d) textDates.push({ raw: text.slice(d.index, d.index + d.length), source: 'text', rule: 'text/first-date', rank: 0, pos });
  }
}

/** `datePublished` of every JSON-LD node, article types first; lenient with broken JSON. */
function readJsonLd(text: string, add: (raw: string, s: PublishedSource, rule: string, rank: number) => void): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(text);
    if (m) add(m[1]!, 'jsonld', 'jsonld/datePublished', 1);
    return;
  }
  const nodes: Array<Record<string, unknown>> = [];
  const collect = (x: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(x)) x.forEach((y) => collect(y, depth + 1));
    else if (x && typeof x === 'object') {
      nodes.push(x as Record<string, unknown>);
      for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item']) {
        const g = (x as Record<string, unknown>)[k];
        if (g && typeof g === 'object') collect(g, depth + 1);
      }
    }
  };
  collect(data, 0);
  for (const n of nodes) {
    const types = ([] as unknown[]).concat(n['@type'] ?? []).map(String);
    const article = types.some((t) => ARTICLE_TYPES.test(t));
    const rank = article ? 0 : types.some((t) => /Page$/.test(t)) ? 2 : 3;
    if (typeof n.datePublished === 'string') add(n.datePublished, 'jsonld', 'jsonld/datePublished', rank);
    else if (typeof n.dateCreated === 'string' && article) add(n.dateCreated, 'jsonld', 'jsonld/dateCreated', rank + 1);
    else if (typeof n.uploadDate === 'string' && article) add(n.uploadDate, 'jsonld', 'jsonld/uploadDate', rank + 1);
    if (typeof n.dateModified === 'string') add(n.dateModified, 'modified', 'jsonld/dateModified', rank);
  }
}
