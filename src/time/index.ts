// PLACEHOLDER: the time helper replaces this file.
import type { Doc, Timex } from '../core/types.js';

export interface TimeOptions { published?: string }
/** Choose doc.meta.published from its candidates (or the option). */
export function resolvePublished(_doc: Doc, _opts: TimeOptions = {}): void {}
/** Fill doc.timexes and the date of every statement and claim. */
export function annotateTime(_doc: Doc): void {}
/** Every time expression in a text, resolved against a reference date (YYYY-MM-DD) or none. */
export function findTimexes(_text: string, _reference: string | null): Timex[] { return []; }
