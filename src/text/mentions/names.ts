/**
 * Capitalized sequences -> name mentions. A sequence ("White House Press Secretary Ada Vell")
 * is read left to right: honorifics and titles give roles and gender, words before the last
 * title are its affiliation, the words after it are the name. The name is then typed from the
 * lexicons: institution, country, capital, place, organization word, else a person (with a
 * title, or two or three words) or unknown (one bare word; local resolution types it later).
 */
import type { Doc } from '../../core/types.js';
import { nameKey } from '../fold.js';
import { escapeRegExp } from '../../core/lexicon.js';
import type { MentionLexicon } from './lexicon.js';
import type { MentionDraft } from './draft.js';

const RULE = 'mentions/name';
const PARTICLES = 'de|van|von|der|den|al|el|bin|ibn|da|di|du|la|le|del|dos|das|ter|bint';

let seqCache: { lex: MentionLexicon; re: RegExp; wordRe: RegExp } | null = null;

function sequenceRes(lex: MentionLexicon): { re: RegExp; wordRe: RegExp } {
  if (seqCache?.lex === lex) return seqCache;
  const abbr = [...new Set([...lex.abbreviations, 'St.', 'Jr.', 'Sr.', 'Lt.', 'Maj.', 'Brig.'])].map(escapeRegExp).join('|');
  const W = `(?:(?:${abbr})|(?:\\p{Lu}\\.){2,}|\\p{Lu}\\.(?=[ \\t]+\\p{Lu})|\\p{Lu}[\\p{Ll}\\p{Lu}\\p{M}\\d]*(?:['’-]\\p{Lu}[\\p{Ll}\\p{Lu}\\p{M}]*)*)`;
  const J = `(?:[ \\t]+(?:(?:${PARTICLES})[ \\t]+)?|[ \\t]+of(?:[ \\t]+the)?[ \\t]+)`;
  // A hyphen inside a word joins ("anti-Brix"); a dash of two ("(Agency)--Brix Corp.") does not.
  const re = new RegExp(`(?<![\\p{L}\\p{N}'’.])(?<![\\p{L}\\p{N}]-)${W}(?:${J}${W})*`, 'gu');
  const wordRe = new RegExp(`${W}|\\b(?:of|the|${PARTICLES})\\b`, 'gu');
  seqCache = { lex, re, wordRe };
  return seqCache;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

export interface NameContext {
  doc: Doc;
  lex: MentionLexicon;
  posAt: Map<number, string>;
  sentenceStart: Set<number>;
  headline: (offset: number) => boolean;
}

const JOINER = new RegExp(`^(?:of|the|${PARTICLES})$`);

export function findNames(ctx: NameContext): MentionDraft[] {
  const { doc, lex } = ctx;
  const { re, wordRe } = sequenceRes(lex);
  const out: MentionDraft[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    if (ctx.headline(m.index)) continue;
    const words: Word[] = [];
    wordRe.lastIndex = 0;
    for (let w = wordRe.exec(m[0]); w; w = wordRe.exec(m[0])) words.push({ text: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length });
    // A single hyphenated pair before a lower-case word is two names ("Ardo-Vell talks").
    if (words.length === 1 && words[0]!.text.includes('-') && /^\s+\p{Ll}/u.test(doc.text.slice(words[0]!.end, words[0]!.end + 3))) {
      let at = words[0]!.start;
      for (const part of words[0]!.text.split('-')) {
        const d = readSequence(ctx, [{ text: part, start: at, end: at + part.length }]);
        if (d) out.push(d);
        at += part.length + 1;
      }
      continue;
    }
    // A sequence does not run over a sentence end ("… in the U.S. He says …").
    let from = 0;
    for (let i = 1; i <= words.length; i++) {
      if (i < words.length && !(ctx.sentenceStart.has(words[i]!.start) && words[i - 1]!.text.endsWith('.'))) continue;
      const d = readSequence(ctx, from === 0 && i === words.length ? words : words.slice(from, i));
      if (d) out.push(d);
      from = i;
    }
  }
  return out;
}

function isKnown(lex: MentionLexicon, w: string): boolean {
  const l = w.toLowerCase();
  return lex.honorific.has(w) || lex.role.has(l) || lex.country.has(l) || lex.demonym.has(l) || lex.institution.has(l) || lex.capital.has(l);
}

/** What a name's reading settles before it is typed. */
type Base = Pick<MentionDraft, 'start' | 'end' | 'name' | 'roles' | 'affiliation' | 'gender' | 'plural'>;

/**
 * A draft written out field by field: `{ ...base, kind, type, key }` adds keys after a spread,
 * which V8 does on its slow path (microseconds a name, on every name of every document).
 */
function draft(b: Base, kind: MentionDraft['kind'], type: MentionDraft['type'], key: string, rule: string): MentionDraft {
  return { start: b.start, end: b.end, kind, type, key, name: b.name, roles: b.roles, affiliation: b.affiliation, gender: b.gender, plural: b.plural, rule };
}

function readSequence(ctx: NameContext, input: Word[]): MentionDraft | null {
  const { doc, lex } = ctx;
  let words = input;
  // Sentence openers and function words do not start a name.
  while (words.length && (lex.stop.has(words[0]!.text.replace(/\.$/, '')) || JOINER.test(words[0]!.text))) words = words.slice(1);
  while (words.length && JOINER.test(words[words.length - 1]!.text)) words = words.slice(0, -1);
  if (!words.length) return null;
  const first = words[0]!;
  if (isSentenceStart(ctx, first.start) && !isKnown(lex, first.text) && ctx.posAt.get(first.start) !== 'PROPN' && !lex.honorific.has(first.text)) {
    words = words.slice(1);
    while (words.length && JOINER.test(words[0]!.text)) words = words.slice(1);
    if (!words.length) return null;
  }
  // "Shareholders of Brix Corp": a role that is no title, then "of", says who, not a name.
  if (words.length > 2 && words[1]!.text === 'of' && lex.role.get(words[0]!.text.toLowerCase())?.title === false) words = words.slice(2);
  if (words.every((w) => lex.stop.has(w.text) || JOINER.test(w.text))) return null;

  // "Office of the President of Norland", "Ministry of Defence": an organization named by its head.
  if (words.length > 2 && lex.orgStart.has(words[0]!.text) && words[1]!.text === 'of') {
    const t = doc.text.slice(words[0]!.start, words[words.length - 1]!.end);
    return { start: words[0]!.start, end: words[words.length - 1]!.end, name: t, kind: 'name', type: 'organization', key: nameKey(t), roles: [], affiliation: null, gender: null, plural: false, rule: 'mentions/organization' };
  }
  // Titles and honorifics, left to right; the words before the last title are its affiliation.
  const roles: string[] = [];
  let gender: 'm' | 'f' | null = null;
  let gov = false;
  let honor = false;
  let coreFrom = 0;
  let affFrom = 0;
  let affTo = 0;
  const seqEnd = words[words.length - 1]!.end;
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    const h = lex.honorific.get(w.text);
    if (h) {
      honor = true;
      gender = h.gender ?? gender;
      i++;
      coreFrom = i;
      continue;
    }
    const t = lex.titleFirst.has(w.text) ? lex.titleRe.exec(doc.text.slice(w.start, seqEnd)) : null;
    if (t) {
      const info = lex.role.get(t[0].toLowerCase().replace(/\s+/g, ' '));
      if (info) {
        const end = w.start + t[0].length;
        if (coreFrom < i) {
          affFrom = coreFrom;
          affTo = i;
        }
        roles.push(info.role);
        gender = info.gender ?? gender;
        gov ||= info.gov;
        while (i < words.length && words[i]!.start < end) i++;
        coreFrom = i;
        continue;
      }
    }
    i++;
  }
  let core = words.slice(coreFrom);
  let affWords = words.slice(affFrom, affTo);
  // "President of Norland": what follows the title's "of" is its affiliation.
  if (roles.length && core.length && core[0]!.text === 'of') {
    affWords = core.filter((w) => !JOINER.test(w.text));
    core = [];
  }
  while (core.length && JOINER.test(core[0]!.text)) core = core.slice(1);
  const affText = affWords.length ? doc.text.slice(affWords[0]!.start, affWords[affWords.length - 1]!.end) : null;
  const affiliation = affText ? normalizeAffiliation(lex, affText) : null;
  const start = words[0]!.start;

  if (!core.length) {
    // Titles only: "the Foreign Minister", "White House Press Secretary".
    if (!roles.length) return null;
    const key = [affiliation, roles[roles.length - 1]].filter(Boolean).join(' ').toLowerCase();
    return { start, end: seqEnd, kind: 'description', type: 'person', key, roles, affiliation, gender, plural: false, rule: 'mentions/title-description' };
  }
  let coreStart = core[0]!.start;
  let coreEnd = core[core.length - 1]!.end;
  let coreText = doc.text.slice(coreStart, coreEnd);
  const lower = coreText.toLowerCase().replace(/[’]/g, "'");
  const base: Base = { start, end: coreEnd, name: coreText, roles, affiliation, gender, plural: false };

  const inst = lex.institution.get(lower) ?? lex.institution.get(lower.replace(/^the /, ''));
  if (inst && !roles.length) {
    const c = inst.country ? lex.countryById.get(inst.country) : undefined;
    return draft({ ...base, name: inst.name, affiliation: c?.government ?? null }, 'name', 'organization', nameKey(inst.name), 'mentions/institution');
  }
  if (!roles.length && !honor) {
    const c = lex.country.get(lower);
    if (c) return draft({ ...base, name: c.name }, 'name', 'place', nameKey(c.name), 'mentions/country');
    if (lex.capital.has(lower) || lex.place.has(lower)) return draft(base, 'name', 'place', nameKey(coreText), 'mentions/place');
    const dem = lex.demonym.get(lower);
    if (dem) return null; // an adjective ("Norvish"), not a mention
    const demPl = lower.endsWith('s') ? lex.demonym.get(lower.slice(0, -1)) : undefined;
    if (demPl) return draft({ ...base, affiliation: demPl.name, plural: true }, 'description', 'group', nameKey(coreText), 'mentions/demonym-plural');
  }
  // "X of Y": an organization when X is one ("Bank of Norland"), else the name is X.
  const ofAt = core.findIndex((w) => w.text === 'of');
  if (ofAt > 0) {
    const head = core.slice(0, ofAt);
    const isOrg = lex.orgStart.has(head[0]!.text) || lex.orgEnd.has(head[head.length - 1]!.text.replace(/\.$/, ''));
    if (!isOrg) {
      core = head;
      coreEnd = core[core.length - 1]!.end;
      coreText = doc.text.slice(coreStart, coreEnd);
      base.end = coreEnd;
      base.name = coreText;
    } else {
      return draft(base, 'name', 'organization', nameKey(coreText), 'mentions/organization');
    }
  }
  const last = core[core.length - 1]!.text.replace(/\.$/, '');
  if (!roles.length && !honor && lex.placeEnd.has(last) && core.length > 1) {
    return draft(base, 'name', 'place', nameKey(coreText), 'mentions/place');
  }
  if (!roles.length && !honor && (lex.orgEnd.has(last) || lex.orgStart.has(core[0]!.text))) {
    return draft(base, 'name', 'organization', nameKey(coreText), 'mentions/organization');
  }
  if (core.length > 4) return null; // a title-case headline or a list, not a name
  // Words inside a longer sequence that are all capitals ("NATO") name organizations.
  let type: MentionDraft['type'] = 'unknown';
  if (honor || roles.length) type = 'person';
  else if (core.length === 1 && /^\p{Lu}{2,}$/u.test(coreText)) type = 'organization';
  else if (core.length >= 2 && core.every((w) => /^\p{Lu}[\p{Ll}\p{M}'’-]|^\p{Lu}\.$/u.test(w.text))) type = 'person';
  coreStart = core[0]!.start;
  return draft(base, 'name', type, nameKey(coreText), RULE);
}

/** The end of a dateline, "Kelmar, May 2 (Agency)--": the story's first sentence starts after it. */
const DATELINE_END = /\)\s*(?:--|[-‐–—])\s*$/u;

function isSentenceStart(ctx: NameContext, at: number): boolean {
  if (ctx.sentenceStart.has(at)) return true;
  if (DATELINE_END.test(ctx.doc.text.slice(Math.max(0, at - 5), at))) return true;
  const prev = ctx.doc.text.slice(Math.max(0, at - 2), at);
  return /^\s?["“‘']$/.test(prev) && ctx.sentenceStart.has(at - 1);
}

/** 'Russian' -> 'Russia'; 'the White House' -> 'White House'; else the words as written. */
export function normalizeAffiliation(lex: MentionLexicon, text: string): string {
  const t = text.replace(/^the\s+/i, '').replace(/['’]s$/, '').trim();
  const l = t.toLowerCase();
  const inst = lex.institution.get(l);
  if (inst) return inst.name;
  const c = lex.demonym.get(l) ?? lex.country.get(l);
  if (c) return c.name;
  return t;
}
