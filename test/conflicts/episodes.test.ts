import { describe, expect, it } from 'vitest';
import { episodes } from '../../src/conflicts/episodes.js';

describe('conflicts/episodes: a disputed claim, then every conflict over it', () => {
  it('groups by the first (disputed) claim, in the order of each group\'s first conflict', () => {
    const k = (id: string, a: string, b: string) => ({ id, claims: [a, b] as const });
    expect(episodes([k('k1', 'brix-offer', 'ardent-no'), k('k2', 'norland-block', 'brix-appeal'), k('k3', 'brix-offer', 'norland-no')])).toEqual([
      { claim: 'brix-offer', conflicts: [k('k1', 'brix-offer', 'ardent-no'), k('k3', 'brix-offer', 'norland-no')] },
      { claim: 'norland-block', conflicts: [k('k2', 'norland-block', 'brix-appeal')] },
    ]);
  });
});
