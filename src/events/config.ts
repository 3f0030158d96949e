/**
 * The events stage in order. Rules read one draft each; refiners take the whole list.
 * Order matters: parties are found before the speaker and anaphora refiners fill gaps;
 * standalone cues need their antecedents' parties; status comes after, since a standalone
 * cue is its own status; drafts without two parties leave last, after serving as antecedents.
 */
import type { Draft, EventContext } from './context.js';
import { findParticipants } from './rules/participants.js';
import { findPlace } from './rules/place.js';
import { findStatus } from './rules/status.js';
import { mergeAdjacent } from './refiners/merge-adjacent.js';
import { speakerParticipant } from './refiners/speaker-participant.js';
import { anaphora } from './refiners/anaphora.js';
import { countryCounterpart } from './refiners/country-counterpart.js';
import { standaloneCues } from './refiners/standalone-cues.js';
import { dropUnanchored } from './refiners/drop-unanchored.js';
import { contrastiveNot } from './refiners/contrastive-not.js';
import { cueOwner } from './refiners/cue-owner.js';
import { groupReference } from './refiners/group-reference.js';
import { stanceSubject } from './refiners/stance-subject.js';
import { answeredQuestion } from './refiners/answered-question.js';
import { narratedActor } from './refiners/narrated-actor.js';
import { letAlone } from './refiners/let-alone.js';
import { namedTruce } from './refiners/named-truce.js';

export type DraftRule = (ctx: EventContext, d: Draft) => void;
export type Refiner = (ctx: EventContext, drafts: Draft[]) => Draft[];

export const english: { rules: DraftRule[]; refiners: Refiner[]; statusRules: DraftRule[]; final: Refiner[] } = {
  rules: [findParticipants, findPlace],
  // cue-owner runs last: it needs every draft's parties (anaphora) and the standalone cues.
  // named-truce first: a later "the truce" is the deal's type before any refiner pairs it.
  // let-alone once the clause before it has its parties (anaphora, country-counterpart).
  // group-reference before anaphora: "the two leaders" is not one party to look back with.
  // stance-subject too: "X refused to commit to a meeting" leaves the meeting to find its parties.
  // anaphora again after country-counterpart: "the deal" after "a deal with Damaris" (said by
  // the other side) points back to the pair that country-counterpart has just completed.
  refiners: [mergeAdjacent, namedTruce, speakerParticipant, stanceSubject, groupReference, anaphora, countryCounterpart, anaphora, letAlone, standaloneCues, cueOwner],
  statusRules: [findStatus],
  // contrastive-not rewrites status and parties, so it runs once status is known.
  // answered-question reads the question's status, and its answer, once both are known.
  // narrated-actor reads each kept draft's status cue, so it runs last.
  final: [contrastiveNot, answeredQuestion, dropUnanchored, narratedActor],
};
