/** Rule names loaded once each: interning changes no value, and keeps one entry a distinct rule. */
import { describe, it, expect } from 'vitest';
import { internKey } from '../../src/store/intern.js';

describe('internKey', () => {
  it('leaves every value as it was and gathers each distinct string under the key once', () => {
    const text = JSON.stringify({
      id: 'd1',
      claims: [
        { rule: 'claims/cue', evidence: { start: 1, end: 4, rule: 'claims/cue' }, cue: null },
        { rule: 'claims/other', evidence: { start: 5, end: 9, rule: 'claims/cue' }, date: { start: '2024-10-03', span: { start: 0, end: 3, rule: 'time/day' } } },
      ],
      eventMentions: [[{ rule: 'events/trigger/talks' }], 'rule'],
      meta: { title: 'rule', published: { rule: 'meta/published' } },
    });
    const seen = new Map<string, string>();
    const loaded = internKey(JSON.parse(text), 'rule', seen);
    expect(loaded).toEqual(JSON.parse(text));
    expect([...seen.keys()].sort()).toEqual(['claims/cue', 'claims/other', 'events/trigger/talks', 'meta/published', 'time/day']);
  });
});
