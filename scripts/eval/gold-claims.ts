/**
 * The conflict rule alone (eval:all --gold-claims): a story's gold entities (with their gold
 * `side`), events and claims fed to findConflicts, written as an export whose claims are the
 * gold claims, so that the scorer judges which pairs the rule lists, not what extraction found.
 * What the rule reads beyond the gold is what it reads end to end, taken from the analysed
 * documents: each claim's date is its document's published date (gold), the time its clause
 * gives (when the status changed), the modality the status rule read there (a question or a
 * condition asserts nothing), and the party who acts in each claim's clause
 * (refiners/narrated-actor over the document's mentions, named by the gold aliases).
 */
import { basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { analyzePaths } from '../../src/analyze.js';
import { findConflicts } from '../../src/conflicts/index.js';
import { actingParty } from '../../src/events/refiners/narrated-actor.js';
import { ACT } from '../../src/core/vocabulary.js';
import { clauseAround } from '../../src/events/clause.js';
import { buildContext } from '../../src/events/context.js';
import { eventTimeIn } from '../../src/time/index.js';
import { docSource, exportDocument, withConflictSources, type WalkbackExport } from '../../src/report/export.js';
import type { Claim, Doc, Entity, EntityType, Event, EventType, LedgerClaim, Status, TimeValue } from '../../src/core/types.js';

interface Gold {
  entities: Array<{ name: string; aliases?: string[]; type: string; side: string | null }>;
  documents: Array<{ file: string; published: string | null }>;
  events: Array<{ id: string; type: string; participants: string[]; label?: string }>;
  claims: Array<{ id: string; file: string; event: string; source: string[]; status: string; text: string }>;
}

interface Range {
  start: number;
  end: number;
}

/** The scorer's name folding (score.mjs normName), so that aliases meet as it meets them. */
const fold = (s: string): string =>
  (s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').replace(/^the /, '');

/** Where the gold evidence sits in the clean text: exactly, else by its words with any spacing and quotes between. */
function locate(text: string, evidence: string): Range | null {
  const at = text.indexOf(evidence);
  if (at >= 0) return { start: at, end: at + evidence.length };
  const words = evidence.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'iu');
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const day = (d: string | null): TimeValue | null => (d ? { start: d, end: d, granularity: 'day', timex: d, implied: true } : null);

const contexts = new WeakMap<Doc, ReturnType<typeof buildContext>>();
function contextOf(doc: Doc): ReturnType<typeof buildContext> {
  let ctx = contexts.get(doc);
  if (!ctx) contexts.set(doc, (ctx = buildContext(doc)));
  return ctx;
}

/** The party that acts in a gold claim's clause (narrated: its party; said: whose act is reported), as a gold entity id. */
function actingPartyOf(doc: Doc, at: Range, entityOfName: (name: string) => string | null): string | null {
  const sentence = doc.sentences.find((s) => s.start <= at.start && at.start < s.end);
  if (!sentence) return null;
  // Every status cue of the document, literal and by lemma ("hold off" in every inflection), as the status rule reads them.
  const cue = contextOf(doc).cues.find((c) => c.start >= at.start && c.start < at.end) ?? null;
  if (!cue) return null;
  const clause = clauseAround(doc.text, { start: sentence.start, end: sentence.end }, cue);
  const localName = new Map(doc.locals.map((l) => [l.id, l.name]));
  const candidates = doc.mentions.flatMap((m) => (m.local ? [{ start: m.span.start, end: m.span.end, local: m.local }] : []));
  const actor = actingParty(doc.text, clause, cue, candidates);
  return actor ? entityOfName(localName.get(actor.local) ?? doc.text.slice(actor.start, actor.end)) : null;
}

/** The export, each claim with the narrated actor the rule read (an extra field, for debugging). */
type GoldExport = Omit<WalkbackExport, 'claims'> & { claims: Array<WalkbackExport['claims'][number] & { actor: string | null }> };

/**
 * A question or a condition is read end to end by the status rule: the modality of the
 * extracted claim with the same status whose evidence overlaps the gold evidence, else asserted.
 */
function modalityAt(doc: Doc, at: Range, status: string): Claim['modality'] {
  return doc.claims.find((c) => c.status === status && c.evidence.start < at.end && at.start < c.evidence.end)?.modality ?? 'asserted';
}

/** The export of a story's gold claims with the conflicts findConflicts lists among them. */
export async function goldClaimsExport(shared: string, name: string): Promise<GoldExport> {
  const gold = JSON.parse(readFileSync(join(shared, 'eval', `${name}.gold.json`), 'utf8')) as Gold;
  const { docs } = await analyzePaths([join(shared, 'corpus', name)]);
  const docOf = new Map(docs.map((d) => [basename(d.source), d]));

  const entities: Entity[] = gold.entities.map((e, i) => ({
    id: `g${i + 1}`, name: e.name, type: e.type as EntityType, aliases: e.aliases ?? [], roles: [], affiliation: e.side ? [e.side] : [], side: e.side,
  }));
  const byAlias = new Map<string, string>();
  for (const e of entities) for (const a of [e.name, ...e.aliases]) if (!byAlias.has(fold(a))) byAlias.set(fold(a), e.id);
  const entityOfName = (n: string): string | null => byAlias.get(fold(n)) ?? null;
  // A named actor the gold does not list ("the committee granted an extension") is a side of
  // its own, as end to end, where every name is an entity: a third party, not no one.
  const actorOfName = (n: string): string | null => {
    const known = entityOfName(n);
    if (known) return known;
    const id = `x${entities.length + 1}`;
    entities.push({ id, name: n, type: 'organization', aliases: [], roles: [], affiliation: [], side: n });
    byAlias.set(fold(n), id);
    return id;
  };

  const events: Event[] = gold.events.map((e) => ({
    id: e.id, type: e.type as EventType, participants: e.participants.map((p) => entityOfName(p) ?? p), place: null, time: null, label: e.label ?? e.id, mentions: [], status: null,
  }));
  const published = new Map(gold.documents.map((d) => [d.file, d.published]));
  const claims: LedgerClaim[] = [];
  for (const g of gold.claims) {
    const doc = docOf.get(g.file);
    if (!doc) continue;
    const at = locate(doc.text, g.text);
    const source = g.source.map(entityOfName).find((id) => id !== null) ?? null;
    const lc: LedgerClaim = {
      id: g.id, doc: doc.id, event: g.event, source, side: source ? entities.find((e) => e.id === source)!.side : null, copyOf: null,
      claim: {
        id: g.id, eventMention: g.event, statement: null, source: null, sourceText: g.source[0] ?? null, status: g.status as Status, modality: 'asserted',
        evidence: { start: at?.start ?? 0, end: at?.end ?? 0, rule: 'gold' }, cue: null, date: day(published.get(g.file) ?? null), rule: 'gold',
      },
    };
    if (at) {
      lc.claim.modality = modalityAt(doc, at, g.status);
      const told = eventTimeIn(doc, at);
      if (told) lc.told = told;
      if (ACT.has(lc.claim.status)) lc.actor = actingPartyOf(doc, at, actorOfName);
    }
    claims.push(lc);
  }
  const text = new Map(docs.map((d) => [d.id, d.text]));
  const conflicts = findConflicts(events, claims, entities, (c) => text.get(c.doc));
  const byId = new Map(claims.map((c) => [c.id, c]));
  const sources = new Map(docs.map((d) => [d.id, docSource(d)]));
  return {
    schema: 'walkback.export/v1',
    documents: docs.map(exportDocument),
    entities: entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, type: e.type, roles: e.roles, affiliation: e.affiliation, side: e.side })),
    statements: [],
    events: events.map((e) => ({ id: e.id, type: e.type, participants: e.participants, label: e.label, place: null, time: null, status: null })),
    claims: gold.claims.flatMap((g) => {
      const lc = byId.get(g.id);
      if (!lc) return [];
      return [{
        id: g.id, event: g.event, document: lc.doc, source: lc.source, sourceText: lc.claim.sourceText, status: g.status, modality: lc.claim.modality, text: g.text,
        statement: null, date: published.get(g.file) ?? null, copyOf: null, span: { start: lc.claim.evidence.start, end: lc.claim.evidence.end, rule: 'gold' }, rule: 'gold',
        actor: lc.actor ?? null,
        ...sources.get(lc.doc)!,
      }];
    }),
    conflicts: withConflictSources(
      conflicts.map((k) => ({ id: k.id, kind: k.kind, claims: k.claims, event: k.event, explanation: k.explanation, rule: k.rule })),
      new Map(claims.map((c) => [c.id, c.doc])),
      sources,
    ),
  };
}
