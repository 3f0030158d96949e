import { describe, it, expect } from 'vitest';
import { analyse } from './helpers.js';

describe("a company's statement stays with that company when another shares its last word", () => {
  it.each([
    // [text, speaker as written, the local entity it resolves to]
    ['Ardent Steel said on Monday it would buy the mill. “We will honour all of U. K. Steel’s contracts,” Tomas Reede said.', 'Ardent Steel', 'Ardent Steel'],
    ['Brix Foods said it had made an offer. The board of R. J. Foods did not reply.', 'Brix Foods', 'Brix Foods'],
  ])('%s', (text, speaker, entity) => {
    const doc = analyse(text);
    const s = doc.statements.find((x) => x.speaker.text === speaker);
    expect(doc.locals.find((l) => l.id === s?.speaker.local)?.name).toBe(entity);
  });
});
