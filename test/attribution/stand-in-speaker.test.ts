import { describe, it, expect } from 'vitest';
import { statements } from './helpers.js';

/** The speaker of the statement whose content is `content`. */
const speakerOf = (text: string, content: string): string | undefined => statements(text).find((s) => s[1] === content)?.[0];

describe('a speaker phrase that stands for an earlier speaker takes it', () => {
  it.each([
    // [text, content, speaker as written]
    // An issued document stands for whoever made a statement through it.
    ['Brix Capital said in a statement that the offer was fair. "We will not raise it," the statement said.', 'We will not raise it', 'Brix Capital'],
    ['Ardent Foods and Brix Capital said in a joint statement that the merger was complete. The deal closed on Friday, the statement said.', 'The deal closed on Friday', 'Brix Capital'],
    // ... or for the subject that issued it.
    ['The harbour board issued a statement on Monday. "The pier will stay closed until May," the statement said.', 'The pier will stay closed until May', 'The harbour board'],
    // A second `the statement` finds the issuer the first one found.
    ['Brix Capital said in a statement that the offer was fair. Talks went on for a week. Nobody left the room. The lawyers waited. "We will not raise it," the statement said. "The board agrees," the statement added.', 'The board agrees', 'Brix Capital'],
    // A company description stands for the organization that spoke just before it.
    ['Ardent Foods said it would close the plant. "We regret the loss of these jobs," the company added.', 'We regret the loss of these jobs', 'Ardent Foods'],
    // `it added` after a company's statement is the company speaking again.
    ['Ardent Foods said it would close the plant. "We regret the loss of these jobs," it added.', 'We regret the loss of these jobs', 'Ardent Foods'],
    // `it added` after a group's joint statement is the statement going on: the same group.
    ['"The review is over," the two firms said in a joint statement. "We look forward to closing the sale," it added.', 'We look forward to closing the sale', 'the two firms'],
    // A statement no sentence names stands for the group of firms that spoke just before it.
    ['"We thank the regulators," the two firms said. The review is complete, the statement said.', 'The review is complete', 'the two firms'],
  ])('%s', (text, content, speaker) => {
    expect(speakerOf(text, content)).toBe(speaker);
  });

  it.each([
    // No earlier statement and no issuer: the document stays the speaker.
    ['“Our support for the pier is not abstract,” the letter reads.', 'Our support for the pier is not abstract', 'the letter'],
    // A person is no company.
    ['Ms. Ada Vell said the plant would close. "We regret the loss of these jobs," the company added.', 'We regret the loss of these jobs', 'the company'],
    // Too far back: the company is not the one that spoke three sentences earlier.
    ['Ardent Foods said it would close the plant. The mayor called it a blow. Unions were not consulted, she said. In Brill, people were angry. "We regret the loss of these jobs," the company added.', 'We regret the loss of these jobs', 'the company'],
    // A group that made no statement in a document is not `it`.
    ['"The review is over," the two firms said. "We look forward to closing the sale," it added.', 'We look forward to closing the sale', 'it'],
    // A government noun stands for no company.
    ['Talmis said the border was open. "Trucks may pass," the ministry added.', 'Trucks may pass', 'the ministry'],
  ])('keeps the phrase: %s', (text, content, speaker) => {
    expect(speakerOf(text, content)).toBe(speaker);
  });
});
