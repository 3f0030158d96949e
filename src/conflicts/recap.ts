/**
 * A later report of an earlier claim is the earlier claim (LEDGER.md, "Not conflicts"): "Brix,
 * which had earlier walked away from the talks", "Norland opposed the takeover while
 * campaigning", "Lind has said she would veto it". Told as background, such a claim stands at
 * no date of its own, so it is left out of conflicts: its original, where the corpus has it,
 * takes part at the date it was made. Read on the evidence alone: the words before it are often
 * the frame of a fresh statement ("Earlier, Lind told reporters that ...").
 */

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

const BACKGROUND = new RegExp(
  [
    // "earlier in the day", "earlier this month" date an act; bare "earlier" sets it in the background.
    '\\b(?:earlier|previously|initially|originally|formerly)\\b(?!\\s+(?:in the (?:day|week|month|year)|this|today|on|that|last))',
    '\\bin the past\\b',
    // "since first proposing it", "Lind first floated it in March": the start of a story, told again.
    '\\bfirst\\s+\\p{L}+(?:ed|ing)\\b',
    '\\bon (?:numerous|several|many|multiple) occasions\\b',
    '\\bwhile campaigning\\b',
    '\\bas a (?:candidate|presidential candidate)\\b',
    '\\bduring (?:the|his|her|their) (?:campaign|election campaign)\\b',
    // A standing position told in passing: "Lind, who opposes the deal".
    '\\bwho\\s+(?:has\\s+|had\\s+)?(?:long\\s+)?(?:opposes|opposed|supports|supported|backs|backed|favou?rs|favou?red)\\b',
    // An act or a word dated by its month alone in a later report: "Brix unveiled in May its
    // offer for Ardent", "in March, Lind said she would rather see a partnership".
    `\\b(?:announced|agreed|signed|unveiled|struck|reached|made|said)\\s+(?:a\\s+deal\\s+)?(?:in|last)\\s+${MONTH}\\b`,
    `\\b(?:in|last)\\s+${MONTH},?\\s+(?:\\p{L}+\\s+){1,3}?(?:said|told|announced)\\b`,
    // Two people's positions told together: "both Lind and Moor have pledged to stop the merger".
    '\\bboth\\s+(?:\\p{L}+\\.?\\s+){1,3}and\\s+(?:\\p{L}+\\s+){1,2}?(?:have\\s+|had\\s+)?(?:vowed|pledged|promised|opposed|backed|supported)\\b',
    // A statement told as a standing position, not said on a day: "has said he would veto it".
    '\\b(?:has|have|had) (?:repeatedly |long |publicly )?(?:said|vowed|pledged|made clear|insisted)\\b',
  ].join('|'),
  'iu',
);

/** The evidence tells an earlier claim as background. */
export function isRecap(evidence: string): boolean {
  return BACKGROUND.test(evidence);
}
