import { api, type DocumentView } from '../api.js';
import { h, markText, badge, type Mark } from '../dom.js';
import { href, enc, type Route } from '../route.js';

/** An article with its statements (and claims) marked; ?mark=start-end brings one span into view. */
export async function documentPage(route: Route): Promise<HTMLElement[]> {
  const id = route.parts[1]!;
  const d = await api<DocumentView>(`documents/${enc(id)}`);
  const focus = /^(\d+)-(\d+)$/.exec(route.query.get('mark') ?? '');
  const marks: Mark[] = [
    ...d.statements.map((s) => ({ start: s.span.start, end: s.span.end, className: 'stmt', id: `st-${s.span.start}`, title: `${s.speakerName ?? s.speakerText} (${s.rule})` })),
    ...d.claims.map((c) => ({ start: c.span.start, end: c.span.end, className: `claim-mark status-${c.status}`, title: `${c.status} (${c.rule})` })),
  ];
  if (focus) marks.push({ start: Number(focus[1]), end: Number(focus[2]), className: 'focus', id: 'focus' });
  const body = h('div', { class: 'article-text' }, markText(d.text, marks));
  return [
    h('h1', {}, d.title ?? d.source),
    h('p', { class: 'muted' }, [d.outlet, d.published ? `published ${d.published}` : 'undated', d.authors.join(', ')].filter(Boolean).join(' · '), ' · ', /^https?:/.test(d.source) ? h('a', { href: d.source, rel: 'noreferrer noopener' }, d.source) : d.source),
    h(
      'div',
      { class: 'doc-layout' },
      h('article', { 'aria-label': 'Article text' }, body),
      h(
        'aside',
        { 'aria-labelledby': 'st-h' },
        h('h2', { id: 'st-h' }, `Statements (${d.statements.length})`),
        h(
          'ol',
          { class: 'stmt-list' },
          d.statements.map((s) =>
            h(
              'li',
              {},
              h('a', { href: href(`documents/${enc(d.id)}`, { mark: `${s.span.start}-${s.span.end}` }) }, s.speakerName ?? s.speakerText),
              ': ',
              s.text,
            ),
          ),
        ),
        d.claims.length ? h('h2', {}, `Claims (${d.claims.length})`) : null,
        d.claims.length
          ? h(
              'ol',
              { class: 'stmt-list' },
              d.claims.map((c) => h('li', {}, badge(c.status), ' ', h('a', { href: href(`events/${enc(c.event)}`) }, c.text))),
            )
          : null,
      ),
    ),
  ];
}

const main = (): HTMLElement => document.getElementById('main')!;

export function afterDocumentRender(): void {
  // Focus follows the evidence link to the quoted words, so the keyboard and a screen reader start there.
  const f = document.getElementById('focus');
  if (f) {
    f.setAttribute('tabindex', '-1');
    f.focus({ preventScroll: true });
    f.scrollIntoView({ block: 'center' });
  } else main().focus({ preventScroll: true });
}
