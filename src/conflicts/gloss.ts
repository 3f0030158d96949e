/**
 * A non-restrictive relative clause is the writer's aside, not the source's word: in "Lind said
 * she had opened talks on a merger, which might later take in a third firm", the clause after
 * the comma glosses the merger in the reporter's voice. Whatever status it reads, it is no
 * change of course by the side whose statement it hangs on, so it makes no retreat.
 */
const OPENS_ASIDE = /^\s*(?:which|who|whose)\b/iu;

/** Whether the evidence at `start` in `text` opens a relative clause set off by a comma. */
export function isAside(text: string, start: number, evidence: string): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (OPENS_ASIDE.test(evidence)) return /,\s*$/u.test(before);
  return /,\s*(?:which|who|whose)\s+$/iu.test(before);
}
