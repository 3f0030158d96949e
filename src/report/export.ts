/**
 * The `walkback.export/v1` document of ../shared/eval/FORMAT.md, built from analysed Docs and
 * their Ledger. Text fields are sliced from each document's clean text by span.
 */
import type { Doc, Ledger, TimeValue } from '../core/types.js';
import { sliceSpan } from '../core/span.js';
import type { ClaimRow, ConflictRow, DocumentRow, ExportDate, ExportSpan, SourceFields, StatementRow, WalkbackExport } from '../core/rows.js';
import { noSource, shareableSource, sourceFields } from '../core/source-ref.js';

export type { ExportSpan, WalkbackExport } from '../core/rows.js';

/** A day as `YYYY-MM-DD`; anything coarser as an interval object. */
export function exportDate(t: TimeValue | null): ExportDate {
  if (!t) return null;
  if (t.granularity === 'day' && t.start && t.start === t.end) return t.start;
  return { start: t.start, end: t.end, granularity: t.granularity, timex: t.timex, implied: t.implied };
}

const exportSpan = (s: { start: number; end: number; rule: string }): ExportSpan => ({ start: s.start, end: s.end, rule: s.rule });

/** A statement as the store keeps it with its document: without the fields of where it was published (read from the document). */
export type StatementCore = Omit<StatementRow, keyof SourceFields>;
export type LedgerExport = Pick<WalkbackExport, 'entities' | 'events' | 'claims' | 'conflicts'>;

/** Where a document was published, from the Doc. */
export const docSource = (d: Pick<Doc, 'meta' | 'source'>): SourceFields => sourceFields(d.meta, d.source);

export function exportDocument(d: Doc): DocumentRow {
  return {
    id: d.id,
    source: shareableSource(d.source),
    url: docSource(d).url,
    title: d.meta.title,
    published: d.meta.published?.date ?? null,
    publishedFrom: d.meta.published?.source ?? null,
    outlet: d.meta.outlet,
    authors: d.meta.authors,
    language: d.meta.language,
    duplicateOf: d.meta.duplicateOf,
    text: d.text,
  };
}

/**
 * One document's statements as the store keeps them: the export's fields, with the speaker
 * still the document's local entity (`speakerLocal`) until the ledger says which entity it is.
 */
export function documentStatements(d: Doc): Array<StatementCore & { speakerLocal: string | null }> {
  return d.statements.map((s) => ({
    id: `${d.id}:${s.id}`,
    document: d.id,
    speaker: null,
    speakerLocal: s.speaker.local ?? null,
    speakerText: s.speaker.text,
    kind: s.kind,
    text: sliceSpan(d.text, s.content),
    cue: s.cue ? sliceSpan(d.text, s.cue) : null,
    addressee: s.addressee?.text ?? null,
    date: exportDate(s.date),
    span: exportSpan(s.span),
    content: exportSpan(s.content),
    rule: s.rule,
  }));
}

/** One document's statements, with speakers mapped to canonical entities. */
export function exportStatements(d: Doc, entityOf: Ledger['entityOf']): StatementRow[] {
  const local = entityOf.get(d.id);
  const src = docSource(d);
  return documentStatements(d).map(({ speakerLocal, ...s }) => ({ ...s, speaker: speakerLocal ? local?.get(speakerLocal) ?? null : null, ...src }));
}

/** Which entity each document's local entity is, for the store's `speakers` table. */
export function* speakerRows(entityOf: Ledger['entityOf']): Iterable<{ document: string; local: string; entity: string }> {
  for (const [document, locals] of entityOf) for (const [local, entity] of locals) yield { document, local, entity };
}

/** Which event each document's event mention went to (the store's event_mentions: what redirects follow). */
export function* mentionRows(events: Ledger['events']): Iterable<{ document: string; mention: string; event: string }> {
  for (const e of events) for (const [document, mention] of e.mentions) yield { document, mention, event: e.id };
}

/** The corpus-level part of the export: entities, events, claims, conflicts. */
export function exportLedger(docs: readonly Doc[], ledger: Ledger): LedgerExport {
  const byDoc = new Map(docs.map((d) => [d.id, d]));
  const sources = new Map(docs.map((d) => [d.id, docSource(d)]));
  return {
    entities: ledger.entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, type: e.type, roles: e.roles, affiliation: e.affiliation, side: e.side })),
    events: ledger.events.map((e) => ({ id: e.id, type: e.type, participants: e.participants, label: e.label, place: e.place, time: exportDate(e.time), status: e.status })),
    claims: ledger.claims.map((lc): ClaimRow => {
      const d = byDoc.get(lc.doc)!;
      const c = lc.claim;
      return {
        id: lc.id,
        event: lc.event,
        document: lc.doc,
        source: lc.source,
        sourceText: c.sourceText,
        status: c.status,
        modality: c.modality,
        text: sliceSpan(d.text, c.evidence),
        statement: c.statement ? `${lc.doc}:${c.statement}` : null,
        date: exportDate(c.date),
        copyOf: lc.copyOf,
        span: exportSpan(c.evidence),
        rule: c.rule,
        // The party whose act the article narrates (conflicts count the claim as theirs); source stays the article.
        ...(lc.actor ? { actor: lc.actor } : {}),
        ...sources.get(lc.doc)!,
      };
    }),
    conflicts: withConflictSources(
      ledger.conflicts.map((k) => ({ id: k.id, kind: k.kind, claims: k.claims, event: k.event, explanation: k.explanation, rule: k.rule })),
      new Map(ledger.claims.map((lc) => [lc.id, lc.doc])),
      sources,
    ),
  };
}

/**
 * Conflicts with where each of their two claims was published. A claim not in the ledger (an
 * older store's) gives an empty source, with its document unknown.
 */
export function withConflictSources(conflicts: ReadonlyArray<Omit<ConflictRow, 'sources'>>, docOfClaim: ReadonlyMap<string, string>, sources: ReadonlyMap<string, SourceFields>): ConflictRow[] {
  const side = (claim: string): ConflictRow['sources'][number] => {
    const document = docOfClaim.get(claim) ?? '';
    return { document, ...(sources.get(document) ?? noSource()) };
  };
  return conflicts.map((k) => ({ ...k, sources: [side(k.claims[0]), side(k.claims[1])] }));
}

export function buildExport(docs: readonly Doc[], ledger: Ledger): WalkbackExport {
  const { entities, events, claims, conflicts } = exportLedger(docs, ledger);
  return {
    schema: 'walkback.export/v1',
    documents: docs.map(exportDocument),
    entities,
    statements: docs.flatMap((d) => exportStatements(d, ledger.entityOf)),
    events,
    claims,
    conflicts,
  };
}
