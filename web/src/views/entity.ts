import { api, type EntitySummary, type Page, type StatementView } from '../api.js';
import { h, showDate } from '../dom.js';
import { enc, type Route } from '../route.js';
import { docLink, pager } from '../components.js';
import { correctionPanel } from './correct.js';

const LIMIT = 50;

/** What one person or organization said, oldest first. */
export async function entityPage(route: Route): Promise<HTMLElement[]> {
  const id = route.parts[1]!;
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const [e, said] = await Promise.all([api<EntitySummary>(`entities/${enc(id)}`), api<Page<StatementView>>('statements', { speaker: id, limit: LIMIT, offset })]);
  const corrections = await correctionPanel([{ id: e.id, item: 'entity', label: `${e.name} (${e.id})` }]);
  return [
    h('h1', {}, e.name),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Type'),
      h('dd', {}, e.type),
      e.roles.length ? [h('dt', {}, 'Roles'), h('dd', {}, e.roles.join(', '))] : null,
      e.affiliation.length ? [h('dt', {}, 'Affiliation'), h('dd', {}, e.affiliation.join(' → '))] : null,
      h('dt', {}, 'Side'),
      h('dd', {}, e.side ?? '—'),
      e.aliases.length ? [h('dt', {}, 'Also written'), h('dd', {}, e.aliases.join(', '))] : null,
    ),
    h(
      'section',
      { 'aria-labelledby': 'said-h' },
      h('h2', { id: 'said-h' }, 'What they said, over time'),
      said.items.length
        ? h(
            'ol',
            { class: 'said' },
            said.items.map((s) =>
              h(
                'li',
                {},
                h('time', {}, showDate(s.date) === 'undated' ? (s.doc.published ?? 'undated') : showDate(s.date)),
                h('blockquote', {}, s.kind === 'direct' ? `“${s.text}”` : s.text),
                h('p', { class: 'muted' }, s.cue ? `${s.speakerText} ${s.cue} · ` : '', docLink(s.doc, s.span, s.text)),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No statements attributed.'),
      pager(said, `entities/${enc(id)}`, {}, 'Statements'),
    ),
    ...(corrections ? [corrections] : []),
  ];
}
