/** A correction in one line of plain words, for the CLI's list and the UI. */
import type { Correction, CorrectionInput } from './kinds.js';
import { statusLabel } from '../core/vocabulary.js';

export function describeInput(c: CorrectionInput): string {
  switch (c.kind) {
    case 'merge-events':
    case 'merge-entities':
      return `${c.kind} ${c.others.join(', ')} into ${c.target}`;
    case 'split-event':
      return `split-event ${c.claims.join(', ')} out of ${c.target}${c.label ? ` as "${c.label}"` : ''}`;
    case 'alias':
      return `alias ${c.target} also "${c.alias}"`;
    case 'set-status':
      return `set-status ${c.target} to ${statusLabel(c.status)}`;
    case 'set-source':
      return `set-source ${c.target} to ${c.source ?? 'no source'}`;
    case 'note':
      return `note on ${c.target}: ${c.text}`;
    default:
      return `${c.kind} ${c.target}`;
  }
}

export function describeCorrection(c: Correction): string {
  const moved = Object.entries(c.resolved).map(([from, to]) => `${from} is now ${to}`);
  const state = c.undone ? `undone by ${c.undone.by} at ${c.undone.at}` : [c.state, c.detail, ...moved].filter(Boolean).join('; ');
  return `${c.id}  ${describeInput(c.input)}  (by ${c.by} at ${c.at}; ${state})`;
}
