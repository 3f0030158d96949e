/**
 * Reading: the parties a transaction names in its own arguments, for triggers whose lexicon
 * entry has `arguments: true` (a bid, a sale, a takeover). Who buys and what is bought are
 * the parties; whoever blocks, opposes or comments on it is not ("Venn vowed to block
 * Ardent's bid for Brix" is a deal of Ardent and Brix). The arguments:
 *   - the possessor right before a noun ("Ardent's $3 billion bid", "Ardent Foods' takeover");
 *   - the object of "of" or "for" right after it ("the sale of Brix", "a bid for Brix"), and
 *     after that object the other side of "to" or "by" ("the sale of Brix to Ardent",
 *     "the purchase of Brix by Ardent");
 *   - a second object joined by "and" ("the merger of Ardent and Brix");
 *   - "to", "by" or "from" right after the noun ("the sale to Ardent", "the offer from Ardent");
 *   - with one of them named, the clause's subject of the same kind ("Ardent agreed to a
 *     takeover of Brix").
 * An apposition keeps its name ("to rival grocer Ardent Foods" is Ardent Foods).
 */
import type { Candidate, Draft, EventContext } from '../context.js';

/** Between a possessor and its noun: the possessive, then a few modifiers ("'s proposed $14 billion"). */
const POSSESSED = /^['’]s?\s+(?:[\p{L}\p{N}$€£¥.,%-]+\s+){0,4}$/u;
/**
 * A gap that leads to an argument: `lead`, then "the" and a possessor that is no party ("the sale
 * of Brix to Norland's Ardent"), right before the argument.
 */
const gapTo = (lead: string): RegExp => new RegExp(`^${lead}(?:the\\s+)?(?:\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*)?['’]s?\\s+)?$`, 'iu');
const OBJECT_PREP = gapTo('\\s+(?:of|for)\\s+');
/** After a trigger form that ends in its preposition ("sale of"). */
const OBJECT_AFTER_OWN_PREP = gapTo('\\s+');
const OWN_PREP = /\s(?:of|for)$/iu;
const OTHER_PREP = gapTo('[\\s,]*(?:[\\p{L}\\p{N}$.,-]+\\s+){0,4}?(?:to|by)\\s+');
/** "the sale to Ardent", "the merger offer from Ardent": one more noun may stand before the preposition. */
const SIDE_PREP = gapTo('\\s+(?:[\\p{L}-]+\\s+)?(?:to|by|from)\\s+');
/** "the merger of Ardent and Brix": a second object joined by "and". */
const AND = gapTo('\\s*(?:,\\s*)?and\\s+');
const POSSESSIVE = /^['’]s?\s/u;
/** Between a description and the name it is in apposition with: "rival grocer Ardent Foods". */
const APPOSITION = /^\s*,?\s*$/u;

/** The candidate that starts right after `from` (what `gap` allows between), with its apposition. */
function argumentAt(ctx: EventContext, parties: Candidate[], from: number, gap: RegExp, until: number): Candidate | undefined {
  const { text } = ctx.doc;
  let c = parties.find((p) => p.start >= from && p.start < until && gap.test(text.slice(from, p.start)));
  // "to Norland's Ardent Foods": the possessed name is the party, its country where it is from.
  const owned = c && POSSESSIVE.test(text.slice(c.end, c.end + 3)) ? parties.find((p) => p.start > c!.end && p.start - c!.end <= 3) : undefined;
  if (owned) c = owned;
  if (!c || c.kind === 'name') return c;
  const named = parties.find((p) => p.start >= c.end && p.kind === 'name' && APPOSITION.test(text.slice(c.end, p.start)));
  return named ?? c;
}

export function transactionArguments(ctx: EventContext, parties: Candidate[], d: Draft): Candidate[] {
  if (!d.info.arguments || d.info.pos !== 'noun') return [];
  const { text } = ctx.doc;
  const out: Candidate[] = [];
  const possessor = [...parties].reverse().find((c) => c.end <= d.trigger.start && d.trigger.start - c.end <= 40 && POSSESSED.test(text.slice(c.end, d.trigger.start)));
  if (possessor) out.push(possessor);
  const limit = Math.min(d.clause.end, d.trigger.end + 120);
  const object = argumentAt(ctx, parties, d.trigger.end, OWN_PREP.test(text.slice(d.trigger.start, d.trigger.end)) ? OBJECT_AFTER_OWN_PREP : OBJECT_PREP, limit);
  if (object) {
    out.push(object);
    const other = argumentAt(ctx, parties, object.end, AND, limit) ?? argumentAt(ctx, parties, object.end, OTHER_PREP, limit);
    if (other) out.push(other);
  } else {
    const side = argumentAt(ctx, parties, d.trigger.end, SIDE_PREP, limit);
    if (side) out.push(side);
  }
  // "Quill walked away from its bid for Brenner", "Quill agreed to a takeover of Brenner": with
  // one argument named, the clause's subject of the same kind is the other side; a president
  // who blocks a company's takeover is of another kind, and acts on it.
  if (out.length === 1) {
    const one = out[0]!;
    // The nearest name before the trigger, when it is of that kind: "Venn blocked Ardent's..."
    // has a person nearest, and the company further back (a dateline's agency) is no subject.
    const subject = [...parties].reverse().find((c) => c.start >= d.clause.start && c.end <= d.trigger.start && c.local !== one.local);
    if (subject && subject.type === one.type) out.unshift(subject);
  }
  return [...new Set(out)];
}
