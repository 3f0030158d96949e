import type { Doc, DocMeta } from './types.js';

export function emptyMeta(format: string): DocMeta {
  return {
    title: null,
    outlet: null,
    authors: [],
    url: null,
    language: null,
    dateCandidates: [],
    published: null,
    duplicateOf: null,
    format,
  };
}

/** A Doc with its text set and every annotation layer empty. */
export function createDoc(init: { id: string; source: string; rawHash: string; text: string; offsetMap?: Array<[number, number]>; meta: DocMeta }): Doc {
  return {
    id: init.id,
    source: init.source,
    rawHash: init.rawHash,
    text: init.text,
    offsetMap: init.offsetMap ?? [[0, 0]],
    meta: init.meta,
    sentences: [],
    tokens: [],
    mentions: [],
    locals: [],
    statements: [],
    timexes: [],
    eventMentions: [],
    claims: [],
    messages: [],
  };
}

/** Map a clean-text offset back to the decoded raw input through the doc's offset map. */
export function rawOffset(doc: Pick<Doc, 'offsetMap'>, clean: number): number {
  let seg: [number, number] = doc.offsetMap[0] ?? [0, 0];
  for (const s of doc.offsetMap) {
    if (s[0] > clean) break;
    seg = s;
  }
  return seg[1] + (clean - seg[0]);
}
