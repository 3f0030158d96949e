// PLACEHOLDER: the attribution helper replaces this file.
import type { Doc } from '../core/types.js';
/** Fill doc.mentions. */
export function findMentions(_doc: Doc): void {}
/** Fill doc.statements. */
export function attribute(_doc: Doc): void {}
