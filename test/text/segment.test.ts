import { describe, it, expect } from 'vitest';
import { segmentText } from '../../src/text/segment.js';

const sentencesOf = (text: string): string[] => segmentText(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segmentText: sentences', () => {
  it.each([
    ['The pier opened. The ferry did not.', ['The pier opened.', 'The ferry did not.']],
    // Every line is a paragraph, even without a full stop (headlines, datelines).
    ['Harbour deal collapses\nMarch 3, 2031\nThe talks ended.', ['Harbour deal collapses', 'March 3, 2031', 'The talks ended.']],
    ['First paragraph ends.\n\n\nSecond paragraph.', ['First paragraph ends.', 'Second paragraph.']],
    // A fragment that opens in lower case continues the sentence before it.
    ['"Will the port reopen by Friday?" asked a reporter.', ['"Will the port reopen by Friday?" asked a reporter.']],
    // A closing quote after a full stop ends the sentence when a capital follows.
    ["The mayor called it ``a fair deal.'' The council said otherwise.", ["The mayor called it ``a fair deal.''", 'The council said otherwise.']],
    // A title abbreviation or an open parenthesis does not end a sentence.
    ['The Rev. Ada Brill said the march would go on.', ['The Rev. Ada Brill said the march would go on.']],
    ['Sen. Ida Marr (D-N.Y.), who leads the panel, said no.', ['Sen. Ida Marr (D-N.Y.), who leads the panel, said no.']],
    ['She moved to the U.S. Her brother stayed.', ['She moved to the U.S.', 'Her brother stayed.']],
    ['   \n\n  ', []],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('numbers paragraphs by non-blank line', () => {
    const text = 'One. Two.\n\nThree.\nFour.';
    expect(segmentText(text).sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
  });

  it('never lets a sentence cross a line break', () => {
    const text = 'The minister said the talks would resume\nnext week in the capital.';
    for (const s of segmentText(text).sentences) expect(text.slice(s.start, s.end)).not.toContain('\n');
  });
});

describe('segmentText: tokens', () => {
  it('gives every token its offsets in the text and a POS tag, and no white-space tokens', () => {
    const text = 'Envoys met\n\nin Brill on Tuesday.';
    const { tokens } = segmentText(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Envoys', 'met', 'in', 'Brill', 'on', 'Tuesday', '.']);
    expect(tokens.find((t) => text.slice(t.start, t.end) === 'met')!.pos).toBe('VERB');
  });

  it('keeps offsets right past contractions and curly quotes', () => {
    const text = 'She said “we can’t sign” today.';
    const { tokens } = segmentText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end).trim()).not.toBe('');
    expect(tokens.map((t) => text.slice(t.start, t.end))).toContain('today');
    expect(tokens[tokens.length - 1]!.end).toBe(text.length);
  });
});
