/**
 * The English attribution configuration: rules in order, then refiners in order.
 *
 * Site rules are tried in order on each reporting verb and the first draft wins:
 *  - splitQuote before the others, since `"A," she said, "B."` also fits both halves alone;
 *  - parenthetical next: `A, she said, B` has content on both sides of the attribution;
 *  - speakerVerbContent before contentSpeakerVerb: with text on both sides of `X said`, the
 *    clause after the verb is what X said (`In Norland, X said the port...`).
 * Sentence rules read constructions without a reporting verb (`according to`, `X's claim that`,
 * a signed quotation, transcript and headline labels `X: …`, `Asked whether …, X said`, a name
 * before a colon and a quotation, `X was asked whether …`).
 * Refiners: overlaps first (so a quotation covered by a verb rule is not re-attributed), then
 * a speaker that only stands for an earlier one (`the statement said`, `the company added`)
 * takes it, before quotations copy speakers; then quotes with no verb of their own take their speaker from their neighbours; last, a quotation
 * followed by more of the same speaker's quotation in its paragraph is widened over them.
 */
import type { SiteRule, SentenceRule } from './rules/rule.js';
import type { Refiner } from './refiners/refiner.js';
import { splitQuote } from './rules/split-quote.js';
import { speakerVerbContent } from './rules/speaker-verb-content.js';
import { contentSpeakerVerb } from './rules/content-speaker-verb.js';
import { contentVerbSpeaker } from './rules/content-verb-speaker.js';
import { parenthetical } from './rules/parenthetical.js';
import { accordingTo } from './rules/according-to.js';
import { nominalClaim } from './rules/nominal-claim.js';
import { quoteDashName } from './rules/quote-dash-name.js';
import { transcriptLine } from './rules/transcript-line.js';
import { labelColon } from './rules/label-colon.js';
import { askedClause } from './rules/asked-clause.js';
import { nameColonQuote } from './rules/name-colon-quote.js';
import { passiveAsked } from './rules/passive-asked.js';
import { dropOverlaps } from './refiners/drop-overlaps.js';
import { unattributedQuote } from './refiners/unattributed-quote.js';
import { joinFollowingQuote } from './refiners/join-following-quote.js';
import { standInSpeaker } from './refiners/stand-in-speaker.js';

export interface AttributionConfig {
  siteRules: SiteRule[];
  sentenceRules: SentenceRule[];
  refiners: Refiner[];
}

export const english: AttributionConfig = {
  siteRules: [splitQuote, parenthetical, contentVerbSpeaker, speakerVerbContent, contentSpeakerVerb],
  sentenceRules: [accordingTo, nominalClaim, quoteDashName, transcriptLine, labelColon, askedClause, nameColonQuote, passiveAsked],
  refiners: [dropOverlaps, standInSpeaker, unattributedQuote, joinFollowingQuote],
};
