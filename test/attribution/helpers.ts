/** Build a Doc from invented text and run the stages this area owns. */
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import type { Doc } from '../../src/core/types.js';
import { segment } from '../../src/text/segment.js';
import { findMentions, attribute } from '../../src/attribution/index.js';
import { resolveLocal } from '../../src/entities/index.js';

let n = 0;
export function analyse(text: string, id = `t${++n}`): Doc {
  const doc = createDoc({ id, source: `${id}.txt`, rawHash: id, text, meta: emptyMeta('text') });
  segment(doc);
  findMentions(doc);
  attribute(doc);
  resolveLocal(doc);
  return doc;
}

export const slice = (doc: Doc, s: { start: number; end: number } | null): string | null => (s ? doc.text.slice(s.start, s.end) : null);

/** The statements of a text as [speaker text, content, kind]. */
export function statements(text: string): Array<[string, string, string]> {
  const doc = analyse(text);
  return doc.statements.map((s) => [s.speaker.text, slice(doc, s.content)!, s.kind]);
}
