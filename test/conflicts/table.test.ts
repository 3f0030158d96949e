import { describe, expect, it } from 'vitest';
import { conflictKind } from '../../src/conflicts/table.js';
import type { Status } from '../../src/core/types.js';

describe('conflicts/table: which pairs clash, and how', () => {
  it.each<[Status, Status, boolean, string | null]>([
    // different sides
    ['agreed', 'not_agreed', false, 'denial'],
    ['planned', 'not_agreed', false, 'denial'],
    ['not_agreed', 'agreed', false, 'denial'],
    ['planned', 'unlikely', false, 'denial'],
    ['proposed', 'unlikely', false, null],
    ['held', 'not_held', false, 'denial'],
    ['cancelled', 'not_agreed', false, 'denial'],
    ['planned', 'cancelled', false, 'contradiction'],
    // same side
    ['held', 'not_held', true, 'correction'],
    ['planned', 'postponed', true, 'reversal'],
    ['agreed', 'cancelled', true, 'reversal'],
    ['cancelled', 'planned', true, 'reversal'],
    ['agreed', 'proposed', true, 'walk_back'],
    ['agreed', 'possible', true, 'walk_back'],
    ['planned', 'unlikely', true, 'walk_back'],
    ['cancelled', 'postponed', true, 'walk_back'],
    // not conflicts
    ['postponed', 'cancelled', true, null],
    ['cancelled', 'possible', true, null],
    ['planned', 'held', true, null],
    ['planned', 'held', false, null],
    ['proposed', 'agreed', false, null],
    ['agreed', 'agreed', false, null],
    ['postponed', 'possible', false, null],
  ])('%s then %s (same side: %s) -> %s', (a, b, same, kind) => {
    expect(conflictKind(a, b, same)).toBe(kind);
  });
});
