/**
 * The pipeline, data flowing one way:
 *   ingest -> clean -> text (sentences, tokens) -> mentions -> attribution -> local entities
 *   -> time -> events and claims                                    (per document)
 *   -> entity canonicalization -> event clustering -> conflicts     (per corpus)
 * Each stage is a function over typed records; storage sits at the edge (src/store).
 */
import type { Doc, Ledger } from './core/types.js';
import { segment } from './text/segment.js';
import { findMentions, attribute } from './attribution/index.js';
import { resolveLocal, canonicalize } from './entities/index.js';
import { resolvePublished, annotateTime } from './time/index.js';
import { extractEvents, clusterEvents } from './events/index.js';
import { findConflicts } from './conflicts/index.js';
import { isAnalysedLanguage } from './core/analysed-languages.js';

export interface DocStage {
  name: string;
  requires: string[];
  assigns: string[];
  run: (doc: Doc, opts: PipelineOptions) => void;
}

export interface PipelineOptions {
  /** --published: the publication date to use when the input gives none. */
  published?: string;
  /** Stage names to skip (for debugging and benchmarks). */
  skip?: string[];
}

/** Per-document stages, in order; `requires` names what an earlier stage (or clean) assigns. */
export const docStages: DocStage[] = [
  { name: 'published', requires: ['text', 'meta'], assigns: ['published'], run: (d, o) => resolvePublished(d, { published: o.published }) },
  { name: 'segment', requires: ['text'], assigns: ['sentences', 'tokens'], run: (d) => segment(d) },
  { name: 'mentions', requires: ['sentences', 'tokens'], assigns: ['mentions'], run: (d) => findMentions(d) },
  { name: 'attribution', requires: ['sentences', 'mentions'], assigns: ['statements'], run: (d) => attribute(d) },
  { name: 'local-entities', requires: ['mentions', 'statements'], assigns: ['locals'], run: (d) => resolveLocal(d) },
  { name: 'time', requires: ['sentences', 'published', 'statements'], assigns: ['timexes'], run: (d) => annotateTime(d) },
  { name: 'events', requires: ['sentences', 'locals', 'statements', 'timexes'], assigns: ['eventMentions', 'claims'], run: (d) => extractEvents(d) },
];

/** Check at start-up that every stage's requirements are met by an earlier one. */
export function checkContracts(stages: DocStage[], skip: string[] = []): void {
  const have = new Set(['text', 'meta']);
  for (const st of stages) {
    if (skip.includes(st.name)) continue;
    for (const r of st.requires) {
      if (!have.has(r)) throw new Error(`pipeline: stage ${st.name} requires ${r}, which no earlier stage assigns`);
    }
    st.assigns.forEach((a) => have.add(a));
  }
}

/** Run the per-document stages on a cleaned Doc. A stage that throws records a message and the rest go on. */
export function analyzeDoc(doc: Doc, opts: PipelineOptions = {}): Doc {
  const skip = opts.skip ?? [];
  for (const st of docStages) {
    if (skip.includes(st.name)) continue;
    // A document in another language is stored and flagged, not analysed as English.
    if (st.name !== 'published' && !isAnalysedLanguage(doc.meta.language)) {
      doc.messages.push({ reason: `language '${doc.meta.language}': stored, not analysed`, ruleId: 'pipeline/not-english' });
      break;
    }
    try {
      st.run(doc, opts);
    } catch (err) {
      doc.messages.push({ reason: `stage ${st.name} failed: ${(err as Error).message}`, ruleId: `pipeline/${st.name}`, fatal: false });
    }
  }
  return doc;
}

/** The corpus stages, in order, as `walkback rebuild` reports its progress. */
export type CorpusStage = 'entities' | 'events' | 'conflicts';

/** Corpus stages: entities, events and conflicts over every document analysed so far. */
export function buildLedger(docs: readonly Doc[], onStage: (stage: CorpusStage) => void = () => {}): Ledger {
  const ledger = clusterLedger(docs, onStage);
  onStage('conflicts');
  const text = new Map(docs.map((d) => [d.id, d.text]));
  const conflicts = findConflicts(ledger.events, ledger.claims, ledger.entities, (c) => text.get(c.doc));
  return { ...ledger, conflicts };
}

/** The corpus stages before conflicts: entities, then events and their claims. */
export function clusterLedger(docs: readonly Doc[], onStage: (stage: CorpusStage) => void = () => {}): Omit<Ledger, 'conflicts'> {
  // A copy of a wire story is kept but is not an independent source of claims or conflicts.
  onStage('entities');
  const canon = canonicalize(docs);
  onStage('events');
  const { events, claims } = clusterEvents(docs, canon);
  return { entities: canon.entities, entityOf: canon.entityOf, events, claims };
}
