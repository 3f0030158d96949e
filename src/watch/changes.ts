/**
 * What is new in the ledger since the last look, by keys that survive a ledger rebuild: event
 * and conflict ids are renumbered when the ledger is rebuilt, but a claim is always the same
 * span of the same document (whose id is its raw input's hash). A conflict is its kind and its
 * two claims; an event is its first claim; a status change is the event, the new status and
 * the claim that set it.
 */
import type { WalkbackExport } from '../report/export.js';
import { statusLabel } from '../core/vocabulary.js';

type Claim = WalkbackExport['claims'][number];
type Event = WalkbackExport['events'][number];

/** One side of an alert: who said what about the event, when, in which words, where. */
export interface AlertClaim {
  id: string;
  status: string;
  source: string;
  date: string | null;
  evidence: string;
  url: string;
  title: string | null;
}

export interface AlertBody {
  kind: string;
  event: { id: string; label: string; type: string; status: string | null; previousStatus: string | null };
  claims: AlertClaim[];
  explanation: string;
}

export interface Change {
  key: string;
  kind: 'claim' | 'conflict' | 'status';
  /** Conflicts and status changes are alerts; a new claim is only listed in /api/changes. */
  alert: boolean;
  body: AlertBody | { kind: 'claim'; event: AlertBody['event']; claim: AlertClaim };
}

const claimKey = (c: Claim): string => `${c.document}:${c.span.start}-${c.span.end}`;
const dayOf = (d: Claim['date']): string | null => (typeof d === 'string' ? d : (d?.start ?? null));

/**
 * The ledger's keys now (conflicts, claims, each event's status), and the changes against the
 * keys already reported. `known` null: a first look, which reports nothing and only remembers.
 */
export function ledgerChanges(exp: WalkbackExport, known: Map<string, string | null> | null): { keys: Map<string, string | null>; changes: Change[] } {
  const docs = new Map(exp.documents.map((d) => [d.id, d]));
  const names = new Map(exp.entities.map((e) => [e.id, e.name]));
  const claims = new Map(exp.claims.map((c) => [c.id, c]));
  const byEvent = new Map<string, Claim[]>();
  for (const c of exp.claims) byEvent.set(c.event, [...(byEvent.get(c.event) ?? []), c]);
  const eventKey = (e: Event): string | null => {
    const own = byEvent.get(e.id)?.map(claimKey).sort();
    return own?.length ? `event|${own[0]}` : null;
  };
  const alertClaim = (c: Claim): AlertClaim => {
    const d = docs.get(c.document);
    return { id: c.id, status: c.status, source: (c.source ? names.get(c.source) : null) ?? c.sourceText ?? d?.outlet ?? 'the article', date: dayOf(c.date), evidence: c.text, url: d?.source ?? c.document, title: d?.title ?? null };
  };
  const keys = new Map<string, string | null>();
  const changes: Change[] = [];
  const isNew = (k: string): boolean => known !== null && !known.has(k);
  const eventOf = (e: Event, previousStatus: string | null = null): AlertBody['event'] => ({ id: e.id, label: e.label, type: e.type, status: e.status, previousStatus });
  const events = new Map(exp.events.map((e) => [e.id, e]));

  for (const c of exp.claims) {
    const k = `claim|${claimKey(c)}`;
    keys.set(k, null);
    const e = events.get(c.event);
    if (isNew(k) && e) changes.push({ key: k, kind: 'claim', alert: false, body: { kind: 'claim', event: eventOf(e), claim: alertClaim(c) } });
  }
  // Status changes first, so that a conflict on the same event can carry (and stand for) it.
  const statusMoves = new Map<string, { from: string; change: Change }>();
  for (const e of exp.events) {
    const ek = eventKey(e);
    if (!ek || !e.status) continue;
    keys.set(ek, e.status);
    const before = known?.get(ek);
    if (!before || before === e.status) continue;
    const own = byEvent.get(e.id)!;
    const setter = latest(own.filter((c) => c.status === e.status));
    const previous = latest(own.filter((c) => c.status === before));
    if (!setter) continue;
    const k = `status|${ek}|${e.status}|${claimKey(setter)}`;
    const pair = previous ? [alertClaim(previous), alertClaim(setter)] : [alertClaim(setter)];
    const change: Change = { key: k, kind: 'status', alert: true, body: { kind: 'status', event: eventOf(e, before), claims: pair, explanation: statusSentence(e, before, pair) } };
    statusMoves.set(e.id, { from: before, change });
  }
  for (const k of exp.conflicts) {
    const [a, b] = k.claims.map((id) => claims.get(id));
    if (!a || !b) continue;
    const key = `conflict|${k.kind}|${claimKey(a)}|${claimKey(b)}`;
    keys.set(key, null);
    if (!isNew(key)) continue;
    const e = events.get(k.event);
    if (!e) continue;
    const moved = statusMoves.get(e.id);
    if (moved) moved.change.alert = false;
    changes.push({ key, kind: 'conflict', alert: true, body: { kind: k.kind, event: eventOf(e, moved?.from ?? null), claims: [alertClaim(a), alertClaim(b)], explanation: k.explanation } });
  }
  for (const { change } of statusMoves.values()) if (isNew(change.key)) changes.push(change);
  return { keys, changes };
}

function latest(cs: Claim[]): Claim | undefined {
  return [...cs].sort((x, y) => (dayOf(x.date) ?? '').localeCompare(dayOf(y.date) ?? '') || claimKey(x).localeCompare(claimKey(y))).at(-1);
}

function statusSentence(e: Event, before: string, pair: AlertClaim[]): string {
  const setter = pair.at(-1)!;
  return `${e.label} moved from ${statusLabel(before)} to ${statusLabel(e.status!)}: ${setter.source} said ${setter.date ? `on ${setter.date}` : 'at an unknown date'} "${setter.evidence}".`;
}
