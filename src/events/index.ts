/**
 * Events and claims: the per-document stage (extractEvents) and the corpus stage
 * (clusterEvents). See ../../../shared/design/LEDGER.md for what statuses and event
 * identity mean.
 */
export { extractEvents } from './extract.js';
export { clusterEvents } from './cluster.js';
