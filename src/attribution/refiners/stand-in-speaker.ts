/**
 * A speaker phrase that only stands for someone named before it takes that someone:
 *  1. an issued document (`the statement said`, `the joint statement added`; channels.yml
 *     `issued: true`) stands for whoever issued it: the speaker of the nearest earlier statement
 *     whose sentence names the same kind of document (`Brix Capital said in a statement that …`),
 *     else the subject of `X issued / released / put out a statement` there;
 *  2. a singular organization description (`the company added`, `the firm said`; not a
 *     government noun), or `it said`, stands for the organization that spoke just before it, in its paragraph
 *     or the one before, at most two sentences back — a name that is not plainly a person.
 *  3. `it said` right after a statement made in a document (`the companies said in a joint
 *     statement`) is that document going on, so it stands for the same speaker, a group too;
 *     and a document no earlier sentence names (`the two companies said. … the statement said`)
 *     stands for the organization or group that spoke just before it.
 * The speaker is then that earlier mention (its span lies outside the statement's evidence, as
 * for a quotation that continues its speaker). Without such an antecedent the phrase stays.
 */
import type { Refiner } from './refiner.js';
import type { AttributionContext, Draft, SpeakerRef } from '../context.js';
import { leftSpeaker } from '../sites/left-speaker.js';
import { mentionLexicon } from '../../text/mentions/lexicon.js';
import type { Mention } from '../../core/types.js';

/** `…, it said.`: a company speaking again (people are he and she, resolved with the mentions). */
const IT = /^\W*it\W*$/iu;
/** How far back an issuer is looked for, in sentences. */
const ISSUER_SENTENCES = 4;
/** How far back an organization description looks for the organization, in sentences. */
const ORG_SENTENCES = 2;
/** `Brix Capital issued a statement`, `the two firms released a joint letter`: the verbs that put out a document. */
const ISSUE_VERB_RE = /(?<![\p{L}])(?:issued|released|put\s+out|published|sent|sent\s+out|posted|circulated|made\s+public)\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\p{L}-]+\s+){0,2}$/u;

export const standInSpeaker: Refiner = {
  id: 'attribution/stand-in-speaker',
  refine: (ctx, drafts) => {
    const lex = ctx.lex;
    // In text order, so that `the statement said` twice finds the issuer the first one found.
    const out = [...drafts];
    out.forEach((d, i) => {
      if (!d.speaker) return;
      const written = ctx.text.slice(d.speaker.start, d.speaker.end);
      const doc = lex.documentSpeakerRe.exec(written);
      let issuer: SpeakerRef | null = null;
      if (doc) issuer = issuerOf(ctx, out, d, doc[1]!) ?? organizationBefore(ctx, out, d, true);
      else if ((d.speaker.mention && orgDescription(d.speaker.mention, written)) || IT.test(written)) issuer = organizationBefore(ctx, out, d, IT.test(written));
      if (issuer) out[i] = { ...d, speaker: issuer };
    });
    return out;
  },
};

/** A speaker that is an issued document, itself waiting for its issuer. */
function isDocument(ctx: AttributionContext, r: SpeakerRef | null): boolean {
  return !!r && ctx.lex.documentSpeakerRe.test(ctx.text.slice(r.start, r.end));
}

function issuerOf(ctx: AttributionContext, drafts: Draft[], d: Draft, noun: string): SpeakerRef | null {
  const sentences = ctx.doc.sentences;
  const here = ctx.sentenceOf(d.speaker!.start);
  const nounRe = new RegExp(`(?<![\\p{L}])${noun.replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'iu');
  for (let k = here; k >= 0 && here - k <= ISSUER_SENTENCES; k--) {
    const s = sentences[k]!;
    const end = k === here ? Math.min(s.end, d.speaker!.start) : s.end;
    const seg = ctx.text.slice(s.start, end);
    const at = seg.search(nounRe);
    if (at < 0) continue;
    // The speaker of a statement made through that document (`X said in a statement …`).
    const said = [...drafts].reverse().find((o) => o !== d && o.speaker && !isDocument(ctx, o.speaker) && o.evidence.start < end && o.evidence.end > s.start && ctx.sentenceOf(o.evidence.start) <= k);
    if (said) return said.speaker;
    // `X issued a statement …`: the subject of the verb that put the document out.
    const issue = ISSUE_VERB_RE.exec(seg.slice(0, at));
    if (issue) {
      const left = leftSpeaker(ctx, s.start, s.start + issue.index);
      if (left && !isDocument(ctx, left.ref)) return left.ref;
    }
  }
  return null;
}

/** `the company`, `the Norvish firm`: a singular organization description with a non-government role noun. */
function orgDescription(m: Mention, written: string): boolean {
  if (m.kind !== 'description' || m.type !== 'organization' || m.plural || !/^\W*the\s/i.test(written)) return false;
  const role = m.roles[0] ? mentionLexicon().role.get(m.roles[0].toLowerCase()) : undefined;
  return !!role && !role.gov && !role.plural;
}

/** `the two companies`, `both firms`: a plural description of organizations, which a document may speak for. */
function organizationGroup(m: Mention): boolean {
  if (!m.plural || (m.type !== 'group' && m.type !== 'organization')) return false;
  const role = m.roles[0] ? mentionLexicon().role.get(m.roles[0].toLowerCase()) : undefined;
  return !!role && !role.gov;
}

/**
 * The organization that spoke just before `d`; with `document` (`it` or `the statement` standing
 * for a document), also a group of organizations, when that statement was made in a document or
 * `d` names one.
 */
function organizationBefore(ctx: AttributionContext, drafts: Draft[], d: Draft, document = false): SpeakerRef | null {
  const sentences = ctx.doc.sentences;
  const here = ctx.sentenceOf(d.speaker!.start);
  const para = sentences[here]!.paragraph;
  let best: Draft | null = null;
  for (const o of drafts) {
    if (o === d || !o.speaker?.mention || o.speaker.start >= d.speaker!.start) continue;
    const si = ctx.sentenceOf(o.speaker.start);
    if (here - si > ORG_SENTENCES || sentences[si]!.paragraph < para - 1) continue;
    if (!best || o.speaker.start > best.speaker!.start) best = o;
  }
  const m = best?.speaker?.mention;
  if (m && document && organizationGroup(m)) {
    const s = sentences[ctx.sentenceOf(best!.speaker!.start)]!;
    const inDocument = ctx.lex.documentSpeakerRe.test(ctx.text.slice(d.speaker!.start, d.speaker!.end)) || ctx.lex.documentNounRe.test(ctx.text.slice(s.start, s.end));
    if (inDocument) return best!.speaker;
  }
  if (!m || (m.kind !== 'name' && m.kind !== 'metonym') || m.type === 'place') return null;
  // A person's name (a gender, a title or role, or a person's description) is no organization.
  if (m.type === 'person' && (m.gender || m.roles.length > 0)) return null;
  return best!.speaker;
}
