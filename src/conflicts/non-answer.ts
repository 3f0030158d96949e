/**
 * "We can neither confirm nor deny it" is no denial (nor a confirmation): a claim whose evidence
 * declines to answer asserts no status, so it takes no part in conflicts, whatever status the
 * cue it contains gave it.
 */
const NON_ANSWER = /\b(?:confirm\s+(?:or|nor)\s+deny|deny\s+(?:or|nor)\s+confirm)\b/iu;

export function isNonAnswer(evidence: string): boolean {
  return NON_ANSWER.test(evidence);
}
