import './style.css';
import { h, useVocabulary } from './dom.js';
import { currentRoute, href, type Route } from './route.js';
import { ApiError, api, type Vocabulary } from './api.js';
import { overview } from './views/overview.js';
import { eventPage } from './views/event.js';
import { entityPage } from './views/entity.js';
import { documentPage, afterDocumentRender } from './views/document.js';
import { searchPage } from './views/search.js';
import { entitiesPage, documentsPage, conflictsPage } from './views/lists.js';

const main = document.getElementById('main')!;
const status = document.getElementById('status')!;

function view(route: Route): { nav: string; render: (r: Route) => Promise<HTMLElement[]>; after?: () => void } {
  const [first, second] = route.parts;
  if (!first) return { nav: 'events', render: overview };
  if (first === 'events' && second) return { nav: 'events', render: eventPage };
  if (first === 'entities' && second) return { nav: 'entities', render: entityPage };
  if (first === 'entities') return { nav: 'entities', render: entitiesPage };
  if (first === 'documents' && second) return { nav: 'documents', render: documentPage, after: afterDocumentRender };
  if (first === 'documents') return { nav: 'documents', render: documentsPage };
  if (first === 'conflicts') return { nav: 'conflicts', render: conflictsPage };
  if (first === 'search') return { nav: 'search', render: searchPage };
  return { nav: '', render: async () => [h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the story'))] };
}

let seq = 0;
let rendered = false;
async function render(): Promise<void> {
  const route = currentRoute();
  const v = view(route);
  const mine = ++seq;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (a.dataset.nav === v.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  status.textContent = 'Loading…';
  let nodes: HTMLElement[];
  try {
    nodes = await v.render(route);
  } catch (err) {
    const e = err as Error;
    nodes = [h('h1', {}, err instanceof ApiError && err.status === 404 ? 'Not found' : 'Something went wrong'), h('p', { class: 'error' }, e.message), h('p', {}, h('a', { href: '#/' }, 'Back to the story'))];
  }
  if (mine !== seq) return;
  main.replaceChildren(...nodes);
  main.removeAttribute('aria-busy');
  const title = main.querySelector('h1')?.textContent ?? '';
  document.title = title ? `${title} · walkback` : 'walkback';
  status.textContent = `${title} loaded`;
  // On the first load focus stays at the top of the page (the skip link is the first Tab);
  // after a link it moves to the new content, as a page load would not leave it on the old one.
  const first = !rendered;
  rendered = true;
  if (first && !route.query.has('mark') && route.query.get('focus') !== 'conflicts') return;
  if (v.after) v.after();
  else if (route.query.get('focus') === 'conflicts') document.getElementById('conflicts')?.focus();
  else {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

// The skip link moves focus to the content; as a plain #main link it would become a route ("Not found").
document.querySelector<HTMLAnchorElement>('a.skip')!.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
  main.scrollIntoView();
});

document.getElementById('search-form')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = (document.getElementById('search-q') as HTMLInputElement).value.trim();
  location.hash = href('search', { q });
});

window.addEventListener('hashchange', () => void render());
// Labels first; without them (an older server) a status reads as its id with spaces.
void api<Vocabulary>('vocabulary').then(useVocabulary, () => undefined).finally(() => void render());
