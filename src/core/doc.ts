import type { Doc, DocMeta, Token } from './types.js';

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

const posIndexes = new WeakMap<readonly Token[], Map<number, string>>();

/**
 * Part of speech by token start offset. Mentions and attribution both look tags up by offset;
 * the map is built once per token layer (keyed on the array, so a new layer gets a new map).
 */
export function posIndex(doc: Pick<Doc, 'tokens'>): Map<number, string> {
  let m = posIndexes.get(doc.tokens);
  if (!m) {
    m = new Map();
    for (const t of doc.tokens) m.set(t.start, t.pos);
    posIndexes.set(doc.tokens, m);
  }
  return m;
}
