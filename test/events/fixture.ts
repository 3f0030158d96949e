/**
 * Test helper: a Doc built from invented text with hand-made entities and statements, so
 * events tests do not depend on the attribution heuristics.
 */
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import { span } from '../../src/core/span.js';
import { segmentText } from '../../src/text/segment.js';
import type { Doc, EntityType, Mention, Statement, TimeValue } from '../../src/core/types.js';

export interface FixtureEntity {
  type?: EntityType;
  /** Surface forms; the key itself is always one. */
  aliases?: string[];
}

export interface FixtureStatement {
  /** The reported content, a substring of the text. */
  content: string;
  /** The speaker's entity key. */
  speaker: string;
  /** Where the speaker is written; defaults to the first alias found outside the content. */
  date?: string;
}

export function makeDoc(
  text: string,
  opts: { id?: string; entities?: Record<string, FixtureEntity>; statements?: FixtureStatement[]; published?: string | null; duplicateOf?: string } = {},
): Doc {
  const meta = emptyMeta('text');
  const published = opts.published === undefined ? '2031-05-04' : opts.published;
  if (published) meta.published = { date: published, source: 'option', raw: published };
  meta.duplicateOf = opts.duplicateOf ?? null;
  const doc = createDoc({ id: opts.id ?? 'd1', source: `${opts.id ?? 'd1'}.txt`, rawHash: '0', text, meta });
  const seg = segmentText(text);
  doc.sentences = seg.sentences;
  doc.tokens = seg.tokens;
  const taken: Array<[number, number]> = [];
  const forms: Array<[string, string, EntityType]> = [];
  for (const [key, e] of Object.entries(opts.entities ?? {})) {
    doc.locals.push({ id: key, name: key, type: e.type ?? 'person', aliases: e.aliases ?? [], roles: [], affiliation: null, mentions: [] });
    for (const f of [key, ...(e.aliases ?? [])]) forms.push([f, key, e.type ?? 'person']);
  }
  forms.sort((a, b) => b[0].length - a[0].length);
  for (const [form, key, type] of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (/[\p{L}]/u.test(text[at - 1] ?? '') || /[\p{L}]/u.test(text[end] ?? '')) continue;
      if (taken.some(([s, e]) => s < end && at < e)) continue;
      taken.push([at, end]);
      const m: Mention = { id: `m${doc.mentions.length + 1}`, span: span(at, end, 'test'), kind: 'name', type, key: form.toLowerCase(), roles: [], affiliation: null, local: key };
      doc.mentions.push(m);
      doc.locals.find((l) => l.id === key)!.mentions.push(m.id);
    }
  }
  doc.mentions.sort((a, b) => a.span.start - b.span.start);
  for (const st of opts.statements ?? []) {
    const cs = text.indexOf(st.content);
    if (cs < 0) throw new Error(`fixture: content not in text: ${st.content}`);
    const ce = cs + st.content.length;
    const spk = doc.mentions.find((m) => m.local === st.speaker && (m.span.end <= cs || m.span.start >= ce));
    const date: TimeValue | null = st.date ? { start: st.date, end: st.date, granularity: 'day', timex: st.date, implied: false } : null;
    const s: Statement = {
      id: `s${doc.statements.length + 1}`,
      span: span(0, text.length, 'test'),
      content: span(cs, ce, 'test'),
      cue: null,
      kind: 'indirect',
      speaker: { span: spk ? spk.span : null, text: spk ? text.slice(spk.span.start, spk.span.end) : st.speaker, mention: spk?.id ?? null, local: st.speaker },
      addressee: null,
      channel: null,
      date,
      rule: 'test',
    };
    doc.statements.push(s);
  }
  return doc;
}

/**
 * The claims of a doc as readable rows: status, modality, sorted participants, source. Only
 * claims on mentions that name two parties or more, as one document alone places them; a
 * mention naming fewer is completed by the corpus stage (`partial: true` lists those instead).
 */
export function claimRows(doc: Doc, opts: { partial?: boolean } = {}): Array<{ type: string; status: string; modality: string; participants: string; source: string | null; text: string }> {
  const em = new Map(doc.eventMentions.map((m) => [m.id, m]));
  return doc.claims.filter((c) => (em.get(c.eventMention)!.participants.length < 2) === !!opts.partial).map((c) => {
    const m = em.get(c.eventMention)!;
    return { type: m.type, status: c.status, modality: c.modality, participants: [...m.participants].sort().join('+'), source: c.source, text: doc.text.slice(c.evidence.start, c.evidence.end) };
  });
}
