/**
 * Making and undoing corrections on a store: check the ids against the stored ledger, keep
 * the correction with anchors to re-find its items, and rebuild the ledger so it shows at once.
 */
import type { DocumentStore } from '../store/port.js';
import { rebuildStoreLedger } from '../run-port.js';
import { anchorOf, LedgerIndex } from './find.js';
import { CorrectionInput, ROLES, otherIds, type Anchor, type Correction, type Item } from './kinds.js';

/** A correction that cannot be made: an unknown id, an id of the wrong kind, a claim not in the event. */
export class CorrectionError extends Error {
  constructor(
    message: string,
    /** An id that is not in the ledger (404 in the API) rather than a request that makes no sense (400). */
    public readonly notFound = false,
  ) {
    super(message);
    this.name = 'CorrectionError';
  }
}

const article = (item: Item): string => (item === 'event' || item === 'entity' ? 'an' : 'a');

/** Which table holds this id in the stored ledger. */
function itemOf(ix: LedgerIndex, id: string): Item | null {
  for (const item of ['event', 'entity', 'claim', 'conflict'] as const) if (ix.table(item).has(id)) return item;
  return null;
}

export async function addCorrection(store: DocumentStore, raw: unknown, by: string, at = new Date().toISOString()): Promise<Correction> {
  const parsed = CorrectionInput.safeParse(raw);
  if (!parsed.success) throw new CorrectionError(parsed.error.issues.map((i) => `${i.path.join('.') || 'correction'}: ${i.message}`).join('; '));
  const input = parsed.data;
  const ix = new LedgerIndex(await store.loadExport());
  const anchors: Record<string, Anchor> = {};
  const need = (id: string, allowed: readonly Item[], role: string): void => {
    const item = itemOf(ix, id);
    if (!item) throw new CorrectionError(`${role} ${id}: no such item in the ledger`, true);
    if (!allowed.includes(item)) throw new CorrectionError(`${role} ${id}: ${input.kind} takes ${allowed.map((a) => `${article(a)} ${a}`).join(' or ')}, not ${article(item)} ${item}`);
    anchors[id] = anchorOf(ix, item, id);
  };
  const roles = ROLES[input.kind];
  need(input.target, roles.target, 'target');
  for (const id of otherIds(input)) need(id, [roles.rest!], roles.rest!);
  if (otherIds(input).includes(input.target)) throw new CorrectionError(`${input.kind}: ${input.target} cannot be merged into itself`);
  if (input.kind === 'split-event') {
    const outside = input.claims.filter((id) => ix.claims.get(id)!.event !== input.target);
    if (outside.length) throw new CorrectionError(`split-event: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not a claim of ${input.target}`);
    if (input.claims.length === [...ix.claims.values()].filter((c) => c.event === input.target).length) throw new CorrectionError(`split-event: that is every claim of ${input.target}; leave at least one`);
  }
  const id = await store.corrections.add(input, anchors, by, at);
  await rebuildStoreLedger(store);
  return (await store.corrections.get(id))!;
}

export async function undoCorrection(store: DocumentStore, id: string, by: string, at = new Date().toISOString()): Promise<Correction> {
  const c = await store.corrections.get(id);
  if (!c) throw new CorrectionError(`${id}: no such correction`, true);
  if (c.undone) throw new CorrectionError(`${id}: already undone by ${c.undone.by} at ${c.undone.at}`);
  await store.corrections.undo(id, by, at);
  await rebuildStoreLedger(store);
  return (await store.corrections.get(id))!;
}
