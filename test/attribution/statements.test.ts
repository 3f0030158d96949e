import { describe, it, expect } from 'vitest';
import { statements, analyse, slice } from './helpers.js';

describe('attribute: one table row per construction', () => {
  it.each([
    // [text, speaker as written, content, kind]
    ['“The pier will reopen in May,” Ada Vell said.', 'Ada Vell', 'The pier will reopen in May', 'direct'],
    ['"The pier will reopen in May," said the harbour master.', 'the harbour master', 'The pier will reopen in May', 'direct'],
    ['Ada Vell said on Tuesday that the pier would reopen in May.', 'Ada Vell', 'the pier would reopen in May', 'indirect'],
    ['Ada Vell told reporters the pier would reopen in May.', 'Ada Vell', 'the pier would reopen in May', 'indirect'],
    ['The pier will reopen in May, the mayor said.', 'the mayor', 'The pier will reopen in May', 'indirect'],
    ['The pier will reopen in May, according to two officials familiar with the plan.', 'two officials familiar with the plan', 'The pier will reopen in May', 'indirect'],
    ['According to Ada Vell, the pier will reopen in May.', 'Ada Vell', 'the pier will reopen in May', 'indirect'],
    ['Mayor Ada Vell said the plan was “dead on arrival” and left.', 'Mayor Ada Vell', 'the plan was “dead on arrival” and left', 'mixed'],
    ['Brill Council denied that the pier had been sold.', 'Brill Council', 'the pier had been sold', 'indirect'],
    ['Tomas Reede wrote on social media that the deal was off.', 'Tomas Reede', 'the deal was off', 'indirect'],
    ['“Is the pier sold?” asked a reporter.', 'a reporter', 'Is the pier sold?', 'direct'],
    ['The pier, the mayor said, will reopen in May.', 'the mayor', 'The pier, the mayor said, will reopen in May', 'indirect'],
    ['Ida Marr, the club’s chairwoman, said the striker would stay.', 'Ida Marr', 'the striker would stay', 'indirect'],
    ['Norland’s envoy to Brill, Ida Marr, said the truce held.', 'Ida Marr', 'the truce held', 'indirect'],
    ['Tomas Reede, who chairs the board, said the sale was agreed.', 'Tomas Reede', 'the sale was agreed', 'indirect'],
    ['The board reversed itself on Friday and said that the sale was off.', 'board', 'the sale was off', 'indirect'],
    ['Nearly half said they prefer a mayor from outside the council.', 'Nearly half', 'they prefer a mayor from outside the council', 'indirect'],
    ['Six in 10 Brill voters say the ferry fare is too high.', 'Six in 10 Brill voters', 'the ferry fare is too high', 'indirect'],
    ['Some advocates for harbour reform said the plan ignored the fishermen.', 'Some advocates for harbour reform', 'the plan ignored the fishermen', 'indirect'],
    ['Jana Sims — a teacher from Brill — says she changed her vote at the last minute.', 'Jana Sims', 'she changed her vote at the last minute', 'indirect'],
    ['Tomas Reede said during Tuesday’s debate that he would cut the ferry tax.', 'Tomas Reede', 'he would cut the ferry tax', 'indirect'],
    ['The retired captain began by talking about the port, saying that the fees were too high.', 'The retired captain', 'the fees were too high', 'indirect'],
    ['Norland’s envoy, Ida Marr, told the Brill Herald that the truce held.', 'Ida Marr', 'the truce held', 'indirect'],
    ['Ada Vell Says Brill Port Will Close in May', 'Ada Vell', 'Brill Port Will Close in May', 'indirect'],
    ['Poll: Reede Leads Vell in Brill Race', 'Poll', 'Reede Leads Vell in Brill Race', 'indirect'],
    ['Harbour Workers Rip Mayor Vell As A ‘Disgusting Fraud’', 'Harbour Workers', 'Mayor Vell As A ‘Disgusting Fraud’', 'mixed'],
    ['Reede is stressing that the ferry plan will work.', 'Reede', 'the ferry plan will work', 'indirect'],
    ['Stone said the ferry would stop in winter.', 'Stone', 'the ferry would stop in winter', 'indirect'],
    ['But those who fish off the pier say the new fees have hurt them.', 'those who fish off the pier', 'the new fees have hurt them', 'indirect'],
    ['Nearly nine out of 10 say they will take the ferry.', 'nine out of 10', 'they will take the ferry', 'indirect'],
    ['"The fees are too high. Why not cut them?" Tomas Reede said.', 'Tomas Reede', 'The fees are too high. Why not cut them?', 'direct'],
    ['"The pier is safe,” Ada Vell said.', 'Ada Vell', 'The pier is safe', 'direct'],
    ['“The pier is safe!” Ada Vell said to Harbour Weekly.', 'Ada Vell', 'The pier is safe!', 'direct'],
    ['“It is an invasion of our waters,” Ada Vell, the envoy of Norland, one of the states suing the port, said at a meeting.', 'Ada Vell', 'It is an invasion of our waters', 'direct'],
    ['“Our support for the pier is not abstract,” the letter reads.', 'the letter', 'Our support for the pier is not abstract', 'direct'],
    ['Ada Vell said her deputy and the engineer Tom Brill, known as Big Fog, wrote most of the plan.', 'Ada Vell', 'her deputy and the engineer Tom Brill, known as Big Fog, wrote most of the plan', 'indirect'],
  ])('%s', (text, speaker, content, kind) => {
    const got = statements(text);
    expect(got).toHaveLength(1);
    expect(got[0]![0]).toContain(speaker);
    expect(got[0]![1]).toBe(content);
    expect(got[0]![2]).toBe(kind);
  });

  it('joins a split quote into one statement', () => {
    const [s] = statements('“The pier is safe,” she said, “and it will stay open.”');
    expect(s).toEqual(['she', 'The pier is safe,” she said, “and it will stay open', 'direct']);
  });

  it('gives a second verb of the same speaker its own statement', () => {
    const got = statements('Reede said the sale was agreed but added that the price was not.');
    expect(got.map((s) => s[1])).toEqual(['the sale was agreed', 'the price was not']);
    expect(got[1]![0]).toBe('Reede');
  });

  it('does not take the clause after "when asked" for content', () => {
    const got = statements('“We will not sell,” Mr. Reede said on Monday when asked about the bid.');
    expect(got).toEqual([['Mr. Reede', 'We will not sell', 'direct']]);
  });

  it('continues a speaker over a quote paragraph with no verb of its own', () => {
    const doc = analyse('“The pier is safe for now,” the mayor said.\n“We will keep checking it every week until spring.”');
    expect(doc.statements.map((s) => [s.speaker.text, s.rule])).toContainEqual(['the mayor', 'attribution/quote-continues-speaker']);
  });

  it('reads a quotation after its speaker’s sentence in the same paragraph as part of one statement', () => {
    const got = statements('“The pier is safe for now,” the mayor said. “We will keep checking it every week until spring.”');
    expect(got).toEqual([['the mayor', 'The pier is safe for now,” the mayor said. “We will keep checking it every week until spring', 'direct']]);
  });

  it.each([
    ['Ada Vell notes that the ferry has never been late.', 'Ada Vell', 'the ferry has never been late'],
    ['“The ferry has never been late,” Vell notes.', 'Vell', 'The ferry has never been late'],
    ['The harbour board claims “the ferry has never been late.”', 'The harbour board', 'the ferry has never been late'],
    ['The board met in the U.S. He says the ferry has never been late.', 'He', 'the ferry has never been late'],
  ])('reads a present-tense verb the tagger may take for a noun: %s', (text, speaker, content) => {
    const got = statements(text);
    expect(got.map((x) => [x[0], x[1]])).toContainEqual([speaker, content]);
  });

  it.each([
    // [text, speaker, content] of the one statement expected first
    ['He noted that, like him, Vell had been criticized for acknowledging that fishing would decline.', 'He', 'like him, Vell had been criticized for acknowledging that fishing would decline'],
    ['LONDON: The harbour council said the ferry would run all winter.', 'The harbour council', 'the ferry would run all winter'],
    ['Ida Marr, the envoy, met the council for an hour, but said the details remained unclear.', 'Ida Marr', 'the details remained unclear'],
    ['Meanwhile, the agency reported that Vell discussed the pier in a call with Reede, citing an anonymous source.', 'the agency', 'Vell discussed the pier in a call with Reede'],
    ['While the aides left open a meeting down the line, one harbour official said there was no date.', 'one harbour official', 'there was no date'],
  ])('nests no attribution, reads datelines, conjunctions and participles: %s', (text, speaker, content) => {
    const got = statements(text);
    expect(got[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it.each([
    // [text, speaker, content, kind] of the first statement
    ['“Every time you say that,” Vell said, referring to the report, “you give ammunition to the critics.”', 'Vell', 'Every time you say that,” Vell said, referring to the report, “you give ammunition to the critics', 'direct'],
    ['"You know, I like the pier," he said, but "when it comes to fees, the council always raises them."', 'he', 'You know, I like the pier," he said, but "when it comes to fees, the council always raises them', 'direct'],
    ['“The hacking is bad,” Marr told Brill Weekly on Wednesday, “but the meddling is worse.”', 'Marr', 'The hacking is bad,” Marr told Brill Weekly on Wednesday, “but the meddling is worse', 'direct'],
    ['“They are plainly wrong about the ferry,” said harbour widow Ida Marr.', 'Ida Marr', 'They are plainly wrong about the ferry', 'direct'],
    ['Rep. Ida Marr (D-Brill), chairman of the harbour caucus, said members will help him raise cash.', 'Rep. Ida Marr', 'members will help him raise cash', 'indirect'],
    ['Rep. Lee Vell of Brill, a harbour supporter, said it will help both men.', 'Rep. Lee Vell', 'it will help both men', 'indirect'],
    ['Brill Port Authority, the agency that runs the harbour, said it was adding checks on ships.', 'Brill Port Authority', 'it was adding checks on ships', 'indirect'],
    ['Ada Vell, at a later press briefing, said the ferry will run.', 'Ada Vell', 'the ferry will run', 'indirect'],
    ['Rep. Ida Marr (D-Brill), the chairman, said the caucus would meet.', 'Rep. Ida Marr', 'the caucus would meet', 'indirect'],
    ['The town "has made great changes," Vell said in June 2012, citing the new pier.', 'Vell', 'The town "has made great changes,"', 'mixed'],
    ['Marr said Thursday during a taping of a radio show in Brill, that towns can pass such laws.', 'Marr', 'towns can pass such laws', 'indirect'],
    ['The ferry had “never been so full” this year, she said in a video message to the convention.', 'she', 'The ferry had “never been so full” this year', 'mixed'],
    ['Vell seemed ready to joke about it, telling the crowd, “Some people get a little carried away.”', 'Vell', 'Some people get a little carried away', 'direct'],
  ])('reads appositives, settings and split quotations: %s', (text, speaker, content, kind) => {
    const got = statements(text);
    expect(got[0]).toEqual([speaker, content, kind]);
  });

  it.each([
    ['Harbour advocates argue that the ferry should be free.', 'Harbour advocates', 'the ferry should be free'],
    ['Ada Vell expressed concern that the ferry was too slow.', 'Ada Vell', 'concern that the ferry was too slow'],
    ['Tomas Reede railed against the new ferry fees at the rally.', 'Tomas Reede', 'the new ferry fees at the rally'],
    ['Ada Vell made it clear that she would not run again.', 'Ada Vell', 'she would not run again'],
    ['Ida Marr in comments to the Brill state radio station said the pier was safe.', 'Ida Marr', 'the pier was safe'],
    ['Ida Marr said she could not confirm or deny the sale, but suggested the price was low.', 'Ida Marr', 'she could not confirm or deny the sale'],
  ])('reads base forms, new cues and long settings: %s', (text, speaker, content) => {
    const got = statements(text);
    expect(got[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it.each([
    'Brill continued its preparations for the regatta.',
    'Ada Vell did not say whether the ferry would run.',
    'The ferry company never confirmed the sale.',
  ])('no statement in: %s', (text) => {
    expect(statements(text)).toEqual([]);
  });

  it.each([
    'Vell maintained a commanding lead in the harbour race.',
    'Police charged the ferry captain after the crash.',
    'Reede posted an overwhelming victory in the harbour vote.',
    'Vell responded by pointing at the pier.',
    // A gerund after such a verb is an act it puts forward, not words reported.
    'Brix Capital proposed buying the harbour company in 2023, but the sale was put on hold.',
  ])('no statement from a bare object or a manner phrase: %s', (text) => {
    expect(statements(text)).toEqual([]);
  });

  it('takes a quotation after "continued" and a cited source for no content', () => {
    expect(statements('“The pier is safe,” she continued.')).toEqual([['she', 'The pier is safe', 'direct']]);
    expect(statements('The agency reported that the pier was sold, citing Ida Marr.').map((x) => x[1])).toEqual(['the pier was sold']);
  });

  it.each([
    ['On Thursday, however, Vell spoke to a gathering of harbour leaders, promising to lift the fee caps.', 'Vell', 'to lift the fee caps'],
    ['Ida Marr, a senior adviser to the campaign, called Mr. Reede’s remarks “a wake-up call.”', 'Ida Marr', 'Mr. Reede’s remarks “a wake-up call.”'],
    ['Harbour workers on Monday were slamming the mayor for the new fees.', 'Harbour workers on Monday', 'the mayor for the new fees'],
    ['”The fees are too high. We will not pay them.” ― Ada Vell', 'Ada Vell', 'The fees are too high. We will not pay them'],
  ])('reads participles, possessive objects and AP-style verbs: %s', (text, speaker, content) => {
    const got = statements(text);
    expect(got[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it.each([
    ['Vell camp: Reede’s plan threatens the harbour.\nThe council met on Monday.', 'Vell', 'Reede’s plan threatens the harbour'],
    ['Former mayor Vell at the rally: Reede plan dooms the harbour.\nThe council met on Monday.', 'Former mayor Vell', 'Reede plan dooms the harbour'],
    ['Vell to harbour workers: Reede will raise the fees.\nThe council met on Monday.', 'Vell', 'Reede will raise the fees'],
    ['The surge does not surprise pollster Ida Marr: “Outsiders always gain in the early contests.”', 'Ida Marr', 'Outsiders always gain in the early contests'],
    ['The governor added:\nIt is typical of the council. It knows nothing, but the talking never stops.', 'The governor', 'It is typical of the council. It knows nothing, but the talking never stops'],
  ])('reads labels and colons: %s', (text, speaker, content) => {
    const got = statements(text);
    expect(got[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it('takes no page label or running head for a speaker', () => {
    expect(statements('The Latest: Vell wins the harbour vote\nThe council met on Monday.')).toEqual([]);
  });

  it.each([
    ['The ferry may be late while the council talks, Marr said. "The other factor is the weather."', 'Marr', 'The ferry may be late while the council talks, Marr said. "The other factor is the weather', 'mixed'],
    ["''Their plan is very clear,'' Ida Marr, a fellow at the harbour institute, said. ''It helps them win the harbour vote.''", 'Ida Marr', "Their plan is very clear,'' Ida Marr, a fellow at the harbour institute, said. ''It helps them win the harbour vote", 'direct'],
    ['Mr Reede, offering the first details of what was agreed at the summit, said the two sides agreed to a truce.', 'Mr Reede', 'the two sides agreed to a truce', 'indirect'],
  ])('joins a quotation to the statement before it and reads participle appositives: %s', (text, speaker, content, kind) => {
    expect(statements(text)[0]).toEqual([speaker, content, kind]);
  });

  it.each([
    ['“The rationales do not hold water at all,” said 9/11 widow Ida Marr.', 'Ida Marr', 'The rationales do not hold water at all'],
    ['Dr. Ida Marr, who as a navy captain was the harbour physician under the old council and later retired from the service as a rear admiral, said the ferry was unsafe.', 'Dr. Ida Marr', 'the ferry was unsafe'],
  ])('reads long relative appositives and numbered descriptors: %s', (text, speaker, content) => {
    expect(statements(text)[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it.each([
    ['Those close to him say that, in addition to Reede, he would have to consider Vell.', 'Those close to him', 'in addition to Reede, he would have to consider Vell'],
    ['Political observers in Brill and around the country say Reede deserves the first refusal.', 'Political observers in Brill and around the country', 'Reede deserves the first refusal'],
    ['Many speakers at the service — including farmers and sailors — said the loss was painful.', 'Many speakers at the service — including farmers and sailors —', 'the loss was painful'],
    ['The harbour workers union criticized the new fees at the pier.', 'The harbour workers union', 'the new fees at the pier'],
  ])('takes a sentence-opening noun phrase for the subject: %s', (text, speaker, content) => {
    expect(statements(text)[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it('takes no subject for an impersonal "hard to say"', () => {
    expect(statements('It is hard to say whether the ferry will run.')).toEqual([]);
  });

  it.each([
    ['Sen. Ida Marr told host Tom Reede she believed that Vell would release a transcript.', 'host Tom Reede', 'she believed that Vell would release a transcript', 'indirect'],
    ['Tom Reede is assuring voters he’s tough enough to be mayor.', 'voters', 'he’s tough enough to be mayor', 'indirect'],
    ['Vell told his supporters, “Our town is in horrible trouble.”', 'his supporters', 'Our town is in horrible trouble', 'direct'],
  ])('keeps an addressee noun phrase out of the content: %s', (text, addressee, content, kind) => {
    const doc = analyse(text);
    expect(doc.statements.map((s) => [s.addressee?.text ?? null, slice(doc, s.content), s.kind])).toEqual([[addressee, content, kind]]);
  });

  it.each([
    ['Reede was asked by moderator Ida Marr whether his plan would cost too much.', 'Ida Marr', 'whether his plan would cost too much'],
    ['During a radio interview, the actress was asked if she had ever been turned away.', '', 'if she had ever been turned away'],
  ])('reads a passive question as the asker’s statement: %s', (text, speaker, content) => {
    expect(statements(text)[0]!.slice(0, 2)).toEqual([speaker, content]);
  });

  it.each([
    ['In July, the harbour council called for a moratorium on new piers.', 'the harbour council', 'a moratorium on new piers'],
    ['Meanwhile, the union attacked the new ferry fees.', 'the union', 'the new ferry fees'],
  ])('takes no opener for content and the object of a demand for content: %s', (text, speaker, content) => {
    expect(statements(text).map((x) => x.slice(0, 2))).toEqual([[speaker, content]]);
  });

  it('reads "indicated" only before a clause and takes no quoted subhead for a statement', () => {
    expect(statements('The harbour office has indicated that the ferry will run.').map((x) => x[1])).toEqual(['the ferry will run']);
    expect(statements('The harbour office indicated its approval.')).toEqual([]);
    const got = statements('“The pier is safe for now,” the mayor said.\n“All Bets Are Off Now”');
    expect(got.map((x) => x[1])).toEqual(['The pier is safe for now']);
  });

  it('ends a participle phrase between commas where the main verb comes back', () => {
    const got = statements('Harbour radio, citing the mayor, reported on the meeting and wrote that the ferry would stop.');
    expect(got.map((x) => x[1])).toEqual(['the ferry would stop']);
  });

  it.each([
    ['Vell, who said last week that the pier would be a “slog,” gave no date for its reopening.', [['Vell', 'the pier would be a “slog,”']]],
    ['Vell, who told reporters the ferry would stop, later visited the pier.', [['Vell', 'the ferry would stop']]],
    // a bare object in the relative clause: the quotation after the main verb is what was said
    ['Vell, who announced the closure at a rally, called it a “sad day for the harbour.”', [['Vell', 'the closure at a rally, called it a “sad day for the harbour.”']]],
    // the narrator's aside on what the speaker left unsaid
    ['Vell noted that the ferry would stop, though she did not specify when.', [['Vell', 'the ferry would stop']]],
  ])('ends the content where the narration comes back: %s', (text, want) => {
    expect(statements(text).map((x) => [x[0], x[1]])).toEqual(want);
  });

  it('keeps a free relative with its own verb inside the first statement', () => {
    const got = statements('Ada Vell says voters are “right to be angry,” but also hungry for what she calls “real solutions.”');
    expect(got).toEqual([['Ada Vell', 'voters are “right to be angry,” but also hungry for what she calls “real solutions.”', 'mixed']]);
  });

  it('joins a quotation carried over into the next paragraph', () => {
    const got = statements('“The pier is safe for now,” the mayor said. “We will check it every week.\n“And we will close it if the cracks grow any wider.”');
    expect(got).toEqual([['the mayor', 'The pier is safe for now,” the mayor said. “We will check it every week.\n“And we will close it if the cracks grow any wider', 'direct']]);
  });

  it('takes a speaker introduced with a colon for the quote paragraph after it', () => {
    const doc = analyse('Ida Marr said:\n“The truce holds and the talks go on next week.”');
    expect(doc.statements.map((s) => [s.speaker.text, slice(doc, s.content)])).toEqual([['Ida Marr', 'The truce holds and the talks go on next week']]);
  });

  it('keeps an addressee apart from the speaker', () => {
    const doc = analyse('Ida Marr told Tomas Reede that the truce held.');
    expect(doc.statements[0]!.speaker.text).toBe('Ida Marr');
    expect(doc.statements[0]!.addressee?.text).toBe('Tomas Reede');
  });

  it('reads a nominal report', () => {
    const [s] = statements('Reede’s claim that the pier was sold angered the council.');
    expect(s![0]).toBe('Reede');
    expect(s![1]).toContain('the pier was sold');
  });

  it.each([
    'The pier was reported closed.',
    'She said nothing.',
    'The match was called off after rain.',
    'Member states met in Brill.',
  ])('no statement in: %s', (text) => {
    expect(statements(text).filter((s) => s[1].split(' ').length > 2)).toEqual([]);
  });

  it('a place that speaks is a metonym for its government', () => {
    const doc = analyse('Moscow said the talks were over.');
    const m = doc.mentions.find((x) => x.id === doc.statements[0]!.speaker.mention)!;
    expect(m).toMatchObject({ kind: 'metonym', type: 'organization', affiliation: 'Russian government' });
  });

  it('ends a first speaker’s content where a second speaker’s clause begins', () => {
    const got = statements('Three-quarters of the voters said they were worried, and more than 4 in 10 said Vell would be best.');
    expect(got.map((x) => [x[0], x[1]])).toEqual([['Three-quarters of the voters', 'they were worried'], ['more than 4 in 10', 'Vell would be best']]);
  });

  it('reads a share of people after a relative pronoun', () => {
    const got = statements('Seventy percent of Brill voters say they like Vell, compared with 64 percent who say the same of Reede.');
    expect(got.map((x) => x[1])).toEqual(['they like Vell', 'the same of Reede']);
  });

  it('takes the question of an "Asked whether …" clause apart from the answer', () => {
    const doc = analyse('Asked by Tomas Reede whether the pier was safe, Ada Vell said, “It has never been safer.”');
    expect(doc.statements.map((s) => [s.rule, s.speaker.text, slice(doc, s.content)])).toEqual([
      ['attribution/asked-clause', 'Tomas Reede', 'whether the pier was safe'],
      ['attribution/speaker-verb-content', 'Ada Vell', 'It has never been safer'],
    ]);
  });

  it('takes a bare yes as an answer', () => {
    const got = statements('Asked whether Vell “can serve a full term,” 75 percent of Brill voters said yes.');
    expect(got.map((x) => x[1])).toEqual(['whether Vell “can serve a full term,”', 'yes']);
  });

  it('keeps a pronoun after the verb out of the speaker when a clause follows', () => {
    expect(statements('Ida Marr — a pilot from Brill — says she will fly again.')[0]![0]).toBe('Ida Marr');
  });

  it('does not take page labels for speakers', () => {
    expect(statements('Photo: Ada Vell Speaks at the Brill Harbour Meeting')).toEqual([]);
  });

  it('does not read "her" after "said" as an addressee', () => {
    expect(statements('Ada Vell said her deputy would sign the deal.')[0]![1]).toBe('her deputy would sign the deal');
  });
});


describe('a participle after a clause takes the clause subject, not the last member of a list', () => {
  it.each([
    // [text, speaker as written, content]
    ['The two firms sued the ferry operator, its chief executive officer and the union president, saying they had broken the law.', 'two firms', 'they had broken the law'],
    ['The growers sued the mill, its owner and the harbour master, saying they had poisoned the river.', 'The growers', 'they had poisoned the river'],
  ])('%s', (text, speaker, content) => {
    const got = statements(text);
    expect(got).toHaveLength(1);
    expect(got[0]![0]).toBe(speaker);
    expect(got[0]![1]).toBe(content);
  });
});

describe('a quotation of several sentences that its sentence goes on after', () => {
  it.each([
    // [text, content, kind]
    ['Ada Vell later said, “The pier is safe. It will stay open” for the boats that will be built in Brill next year.', '“The pier is safe. It will stay open” for the boats that will be built in Brill next year', 'mixed'],
    ['Tomas Reede said, “We did not sell. We lent it” to the council, which wanted to run the ferry itself.', '“We did not sell. We lent it” to the council, which wanted to run the ferry itself', 'mixed'],
    // A bare setting after the quotation stays out, and so does a relative clause on it.
    ['Ada Vell said, “The pier is safe. It will stay open” during a meeting in Brill.', 'The pier is safe. It will stay open', 'direct'],
    ['The crowd chanted, “Close the pier! Close the pier!” that rang out across the harbour.', 'Close the pier! Close the pier!', 'direct'],
  ])('%s', (text, content, kind) => {
    const got = statements(text);
    expect(got).toHaveLength(1);
    expect(got[0]![1]).toBe(content);
    expect(got[0]![2]).toBe(kind);
  });
});
