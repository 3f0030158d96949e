/**
 * Mentions and attribution stages. Mention finding lives in src/text/mentions (names, titles,
 * descriptions, pronouns); attribution (statements) in this folder: rules/ one construction
 * per file, refiners/ one pass per file, config.ts their order.
 */
import type { Doc } from '../core/types.js';
export { findMentions } from '../text/mentions/index.js';
import { extractStatements } from './extract.js';

/** Fill doc.statements. */
export function attribute(doc: Doc): void {
  doc.statements = extractStatements(doc);
}
