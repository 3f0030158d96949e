/**
 * Ledger ids from what never changes. A document's id is its raw input's hash, and a claim or
 * mention is named within its document, so ids built from them do not move when later
 * articles arrive (docs/incremental.md).
 */
import { createHash } from 'node:crypto';

/** A raw input's hash (sha256, hex): what a document's id is made from, and how a stored input is known again. */
export const rawHash = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A short hex digest: an id part, not a security measure. */
export const shortHash = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 12);
