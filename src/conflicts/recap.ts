/**
 * A later report of an earlier claim is the earlier claim (LEDGER.md, "Not conflicts"): "Brix,
 * which had earlier walked away from the talks", "Norland opposed the takeover while
 * campaigning", "Lind has said she would veto it". Told as background, such a claim stands at
 * no date of its own, so it is left out of conflicts: its original, where the corpus has it,
 * takes part at the date it was made. Read on the evidence alone: the words before it are often
 * the frame of a fresh statement ("Earlier, Lind told reporters that ...").
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = `(?:${MONTHS.join('|')})`;
const months = MONTHS.map((m) => m.toLowerCase());

/**
 * The ways a claim is told as background, each with the words it cannot match without (in
 * lower case, one word of each list): a branch is tried only on evidence that holds them. One
 * pattern of every branch tried at each character was the slowest step of finding conflicts
 * (1.2 s of a 10,000-article rebuild); most evidence holds the words of no branch.
 */
export const BACKGROUND: ReadonlyArray<{ pattern: string; needs: ReadonlyArray<readonly string[]> }> = [
  // "earlier in the day", "earlier this month" date an act; bare "earlier" sets it in the background.
  { pattern: '\\b(?:earlier|previously|initially|originally|formerly)\\b(?!\\s+(?:in the (?:day|week|month|year)|this|today|on|that|last))', needs: [['earlier', 'previously', 'initially', 'originally', 'formerly']] },
  { pattern: '\\bin the past\\b', needs: [['in the past']] },
  // "since first proposing it", "Lind first floated it in March": the start of a story, told again.
  { pattern: '\\bfirst\\s+\\p{L}+(?:ed|ing)\\b', needs: [['first']] },
  { pattern: '\\bon (?:numerous|several|many|multiple) occasions\\b', needs: [['occasions']] },
  { pattern: '\\bwhile campaigning\\b', needs: [['while campaigning']] },
  { pattern: '\\bas a (?:candidate|presidential candidate)\\b', needs: [['candidate']] },
  { pattern: '\\bduring (?:the|his|her|their) (?:campaign|election campaign)\\b', needs: [['campaign']] },
  // A standing position told in passing: "Lind, who opposes the deal".
  { pattern: '\\bwho\\s+(?:has\\s+|had\\s+)?(?:long\\s+)?(?:opposes|opposed|supports|supported|backs|backed|favou?rs|favou?red)\\b', needs: [['who'], ['oppose', 'support', 'back', 'favo']] },
  // An act or a word dated by its month alone in a later report: "Brix unveiled in May its
  // offer for Ardent", "in March, Lind said she would rather see a partnership".
  { pattern: `\\b(?:announced|agreed|signed|unveiled|struck|reached|made|said)\\s+(?:a\\s+deal\\s+)?(?:in|last)\\s+${MONTH}\\b`, needs: [months, ['announced', 'agreed', 'signed', 'unveiled', 'struck', 'reached', 'made', 'said']] },
  { pattern: `\\b(?:in|last)\\s+${MONTH},?\\s+(?:\\p{L}+\\s+){1,3}?(?:said|told|announced)\\b`, needs: [months, ['said', 'told', 'announced']] },
  // Two people's positions told together: "both Lind and Moor have pledged to stop the merger".
  { pattern: '\\bboth\\s+(?:\\p{L}+\\.?\\s+){1,3}and\\s+(?:\\p{L}+\\s+){1,2}?(?:have\\s+|had\\s+)?(?:vowed|pledged|promised|opposed|backed|supported)\\b', needs: [['both'], ['vowed', 'pledged', 'promised', 'opposed', 'backed', 'supported']] },
  // A statement told as a standing position, not said on a day: "has said he would veto it".
  { pattern: '\\b(?:has|have|had) (?:repeatedly |long |publicly )?(?:said|vowed|pledged|made clear|insisted)\\b', needs: [['has ', 'have ', 'had '], ['said', 'vowed', 'pledged', 'made clear', 'insisted']] },
];

/** The flags every branch is read with. */
export const BACKGROUND_FLAGS = 'iu';

const branches = BACKGROUND.map(({ pattern, needs }) => ({ re: new RegExp(pattern, BACKGROUND_FLAGS), needs }));

/**
 * The evidence in lower case, as the words are looked for. Read without case, a long s (U+017F)
 * is an s, and it is the one character that lower case does not turn into the ASCII letter it
 * matches (the Kelvin sign becomes k): it is made an s here, so no branch is passed over.
 */
export const lowered = (evidence: string): string => evidence.toLowerCase().replaceAll('\u017f', 's');

/** The evidence tells an earlier claim as background. */
export function isRecap(evidence: string): boolean {
  const lower = lowered(evidence);
  return branches.some(({ re, needs }) => needs.every((words) => words.some((w) => lower.includes(w))) && re.test(evidence));
}
