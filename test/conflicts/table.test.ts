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
    // a plan of one side and another side's stop both stand: news, not a clash
    ['planned', 'cancelled', false, null],
    // an optimistic "close to a deal" answered by another side's doubt or rejection (docs/conflicts.md)
    ['possible', 'unlikely', false, 'denial'],
    ['possible', 'not_agreed', false, 'denial'],
    // a firm course that answers another side's veto ("we will proceed as planned")
    ['unlikely', 'planned', false, 'denial'],
    ['cancelled', 'planned', false, 'denial'],
    // same side
    ['held', 'not_held', true, 'correction'],
    ['planned', 'postponed', true, 'reversal'],
    ['agreed', 'cancelled', true, 'reversal'],
    ['cancelled', 'planned', true, 'reversal'],
    ['agreed', 'proposed', true, 'walk_back'],
    ['agreed', 'possible', true, 'walk_back'],
    // "no reason to meet" after a plan is a change of course, like calling it off
    ['planned', 'unlikely', true, 'reversal'],
    // an offer withdrawn is a reversal; an offer on hold is not
    ['proposed', 'cancelled', true, 'reversal'],
    ['proposed', 'postponed', true, null],
    // "we will block it", then a planned partnership
    ['unlikely', 'planned', true, 'reversal'],
    // retreats: from "no reason to" to "we might", from "it took place" to "I don't know"
    ['unlikely', 'possible', true, 'walk_back'],
    ['held', 'possible', true, 'walk_back'],
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
