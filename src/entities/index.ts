// PLACEHOLDER: the attribution helper replaces this file.
import type { Doc, Entity } from '../core/types.js';
/** Within one document: mentions -> doc.locals; set mention.local and statement speaker.local. */
export function resolveLocal(_doc: Doc): void {}
export interface Canonical { entities: Entity[]; entityOf: Map<string, Map<string, string>> }
/** Across documents: one entity per real-world actor. */
export function canonicalize(_docs: readonly Doc[]): Canonical { return { entities: [], entityOf: new Map() }; }
