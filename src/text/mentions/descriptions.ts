/**
 * Descriptions and anonymous sources: a role noun with its determiner and modifiers
 * ("the spokeswoman", "the Norvish leader", "a Harbour Board official", "two officials familiar
 * with the matter", "Norvish media"). Modifiers that are demonyms, countries or institutions
 * give the affiliation; a possessive name gives it too ("Norland's ambassador").
 */
import type { Doc } from '../../core/types.js';
import { nameKey } from '../fold.js';
import type { MentionLexicon } from './lexicon.js';
import type { MentionDraft } from './draft.js';
import { normalizeAffiliation } from './names.js';

const DET = 'the|The|a|A|an|An|one|One|two|Two|three|Three|four|Four|several|Several|some|Some|many|Many|other|Other|another|Another|both|Both|his|His|her|Her|their|Their|its|Its|multiple|Multiple|a number of|A number of|numerous';
const ADJ = 'senior|Senior|top|Top|former|Former|current|acting|Acting|chief|deputy|Deputy|foreign|local|western|Western|european|state|State|government|Government|military|Military|administration|Administration|anonymous|unnamed|new|longtime|veteran|high-ranking|high-level|leading|prominent|independent|official|Russian-installed|US-based|club|team|company|party|campaign|defence|defense|security|intelligence|press|presidential|Presidential';
const TRAIL = "(?:familiar with|with (?:direct )?knowledge of|close to|briefed on|involved in|aware of|speaking on condition of anonymity|who spoke on condition of anonymity|who (?:requested|asked) anonymity|who asked not to be (?:named|identified))(?: the| his| her| their)?(?:[ \\t]+[\\p{Ll}-]+){0,3}";

let cache: { lex: MentionLexicon; roleRe: RegExp; leadRe: RegExp; trailRe: RegExp } | null = null;

/**
 * Compiled once: the role nouns (scanned over the text), then for each hit the determiner and
 * modifiers before it (one regex anchored at the hit, over a short window) and the trailer after.
 */
function regexes(lex: MentionLexicon): { roleRe: RegExp; leadRe: RegExp; trailRe: RegExp } {
  if (cache?.lex === lex) return cache;
  const cap = "(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}[\\p{L}\\p{M}'’-]*)";
  const MOD = `(?:${ADJ}|${lex.demonymAlt}|${lex.institutionAlt}|${cap}(?:['’]s)?)`;
  cache = {
    lex,
    roleRe: new RegExp(`(?<![\\p{L}\\p{N}])(?:${lex.roleAlt})(?![\\p{L}\\p{N}])`, 'gu'),
    leadRe: new RegExp(`(?<![\\p{L}\\p{N}'’])(?:(${DET})[ \\t]+)?((?:${MOD}[ \\t]+){0,4})$`, 'u'),
    trailRe: new RegExp(`[ \\t]+(${TRAIL})`, 'uy'),
  };
  return cache;
}

const ANON = /^(?:a|an|one|two|three|four|several|some|many|other|another|multiple|a number of|numerous)$/i;
const WINDOW = 90;

export function findDescriptions(doc: Doc, lex: MentionLexicon, posAt: Map<number, string> = new Map()): MentionDraft[] {
  const { roleRe, leadRe, trailRe } = regexes(lex);
  const out: MentionDraft[] = [];
  const text = doc.text;
  roleRe.lastIndex = 0;
  for (let r = roleRe.exec(text); r; r = roleRe.exec(text)) {
    const roleText = r[0];
    const roleStart = r.index;
    const roleEnd = roleStart + roleText.length;
    const info = lex.role.get(roleText.toLowerCase().replace(/\s+/g, ' '));
    if (!info) continue;
    const winStart = Math.max(0, roleStart - WINDOW);
    const lead = leadRe.exec(text.slice(winStart, roleStart));
    const det = lead?.[1] ?? '';
    const mods = (lead?.[2] ?? '').trim();
    // A bare singular role ("president") with no determiner or modifier is a title or a noun
    // inside another phrase, unless a name follows it ("spokeswoman Ada Vell").
    if (!det && !mods && !info.plural && !/^[ \t]+\p{Lu}/u.test(text.slice(roleEnd, roleEnd + 3))) continue;
    // A capitalized collective noun after capitalized words is part of a name ("Harbour Union").
    if (info.group && /^\p{Lu}/u.test(roleText) && mods && /^\p{Lu}/u.test(mods)) continue;
    // Strip a sentence-opening function word from the modifiers ("But Norvish officials").
    let modText = mods;
    let modStart = lead && mods ? winStart + lead.index + lead[0].indexOf(mods) : roleStart;
    const firstMod = /^\S+/.exec(modText)?.[0];
    if (firstMod && lex.stop.has(firstMod)) {
      const rest = modText.slice(firstMod.length).trim();
      modStart = rest ? text.indexOf(rest, modStart + firstMod.length) : roleStart;
      modText = rest;
    }
    const start = det ? winStart + lead!.index : modText ? modStart : roleStart;
    let end = roleEnd;
    trailRe.lastIndex = roleEnd;
    const t = trailRe.exec(text);
    if (t) {
      // The trailer's object ends before a verb ("familiar with the talks said").
      const tStart = roleEnd + t[0].length - t[1]!.length;
      let cut = roleEnd + t[0].length;
      const tr = /[\p{L}-]+/gu;
      for (let w = tr.exec(t[1]!); w; w = tr.exec(t[1]!)) {
        const pos = posAt.get(tStart + w.index);
        if (w.index > 0 && (pos === 'VERB' || pos === 'AUX')) {
          cut = tStart + w.index;
          break;
        }
      }
      end = cut;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      roleRe.lastIndex = Math.max(roleRe.lastIndex, end);
    }
    const affiliation = modAffiliation(lex, modText);
    const anonymous = ANON.test(det) || !!t || /^(?:anonymous|unnamed)$/i.test(modText);
    const plural = info.plural;
    const type = info.group ? (info.plural ? 'group' : 'organization') : plural ? 'group' : 'person';
    const key = nameKey([affiliation ?? '', info.role].join(' ')) || nameKey(roleText);
    out.push({
      start,
      end,
      kind: anonymous ? 'anonymous' : 'description',
      type,
      key,
      roles: [info.role],
      affiliation,
      gender: info.gender ?? null,
      plural,
      rule: anonymous ? 'mentions/anonymous-source' : 'mentions/description',
    });
  }
  return out;
}

/** The affiliation among the modifiers: a possessive name, a demonym, an institution, capitals. */
function modAffiliation(lex: MentionLexicon, mods: string): string | null {
  if (!mods) return null;
  const poss = /^(.*?)['’]s$/.exec(mods.split(/\s+(?=\S+['’]s$)/).pop() ?? '');
  if (poss) return normalizeAffiliation(lex, poss[1]!);
  const caps = mods.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (!caps.length) return null;
  return normalizeAffiliation(lex, caps.join(' '));
}
