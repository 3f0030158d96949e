import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/clean/html/extract.js';

// Invented article; the clutter paragraphs sit inside its container, where the element rules
// of boilerplate.ts cannot see them.
const P1 = 'The river council of Dunmere voted on Monday to rebuild the old stone bridge before the spring floods arrive in the valley.';
const P2 = 'Engineer Tomas Hallor told the council that the eastern arch had cracked in two places during the winter storms of last year.';
const P3 = 'Work on the bridge is to begin in March, and the council expects the crossing to stay closed to lorries until the end of May.';
const P4 = 'Shopkeepers on the western bank asked the council to keep a footpath open during the works so that customers can still reach them.';

function text(inside: string, where: 'middle' | 'end' = 'middle'): string {
  const body = where === 'middle' ? `<p>${P1}</p><p>${P2}</p>${inside}<p>${P3}</p><p>${P4}</p>` : `<p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>${inside}`;
  return extractHtml(`<!doctype html><html lang="en"><head><title>Bridge</title></head><body><article><h1>Stone bridge to be rebuilt</h1><div class="entry-content">${body}</div></article></body></html>`).text;
}

describe('paragraph clutter inside the article container', () => {
  it.each([
    ['a "see also" teaser in Spanish', '<p>VEA TAMBIÉN: El puerto de Dunmere abre una nueva terminal de carga</p>', 'El puerto de Dunmere', 'middle'],
    ['a "see also" teaser in German', '<p>Lesen Sie auch: Neue Fähre für den Hafen von Dunmere</p>', 'Neue Fähre', 'middle'],
    ['a plain-text clutter line (read also)', '<p>Read more: Dunmere harbour opens a new cargo terminal</p>', 'new cargo terminal', 'middle'],
    ['a subscription wall', '<p>To read the full story, please subscribe to the Dunmere Courier.</p><p>If you’re seeing this message but you’re already a subscriber, please log in.</p>', 'subscribe to the', 'end'],
    ['a reprint notice', '<p>This article is the copyrighted property of the Dunmere Courier.</p><p>Written permission must be obtained before reprint in any media.</p>', 'copyrighted property', 'end'],
    ['a licence note', '<p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-SA-4.0.</p>', 'Lizenz', 'end'],
    ['a photo credit line', '<p>Titelbild: Anna Vorberg/Bildagentur</p>', 'Anna Vorberg', 'end'],
    ['a newsletter prompt', '<p>Do you want to be informed of our river projects? Sign up here</p>', 'river projects', 'end'],
    ['a follow prompt', '<p>You can keep up with me on Twitter: @dunmere_writer</p>', 'keep up with me', 'end'],
    ['a feedback prompt', '<p>We want to hear what you think about this article. Write to the editors.</p>', 'what you think', 'end'],
    ['a back link', '<p>zurück zur Übersicht</p>', 'zurück', 'end'],
    ['an advertisement label', '<p>Anzeige</p>', 'Anzeige', 'middle'],
    ['an affiliate note', '<p>Letzte Aktualisierung am 3.04.2022 / Affiliate Links / Bilder von einer Schnittstelle</p>', 'Affiliate', 'end'],
    ['a last-modified stamp', '<p>Last Modified: 03-10-2004 2:20pm</p>', 'Last Modified', 'end'],
    ['a disclaimer', '<p>The Dunmere Courier is not responsible for the opinions or content of readers’ letters.</p>', 'not responsible', 'end'],
    ['a reprint notice after a copyright line', '<p>© 2031, Dunmere Courier. This article is the copyrighted property of the Courier. Written permission must be obtained first.</p>', 'copyrighted property', 'end'],
    ['a follow prompt closing an author box', '<p>Staff writer covering rivers and roads. Coffee fan. You can follow me on Twitter: @dunmere_writer</p>', 'Coffee fan', 'end'],
    ['a channel prompt', '<p>¡Mira lo que tiene nuestro canal de YouTube!</p>', 'canal de YouTube', 'end'],
    ['a permalink', '<p>Permalink https://example.org/p/abc123</p>', 'example.org', 'end'],
    ['a download row', '<p>Bauplan der Brücke PDF | 240 KB | Datei ist nicht barrierefrei</p>', 'Bauplan', 'end'],
    ['a forum link', '<p>Brücken und Fluten – Diskussion im Forum</p>', 'Diskussion im Forum', 'end'],
    ['a provenance note', '<p>Dieser Beitrag stammt aus Ausgabe 4/2031 des Flussmagazins. Das Heft ist im Handel erhältlich.</p>', 'Flussmagazins', 'end'],
    ['a short end line anywhere', '<p>Vorschau auf den nächsten Artikel</p>', 'Vorschau', 'middle'],
    ['a page stamp with a last-modified date', '<p>bridge.html - Created 03-10-2031 2:20pm - Last Modified: 03-10-2031 2:20pm</p>', 'Last Modified', 'end'],
  ] as const)('drops %s', (_name, clutter, words, where) => {
    const t = text(clutter, where);
    for (const p of [P1, P2, P3, P4]) expect(t).toContain(p);
    expect(t).not.toContain(words);
  });

  it('a short "read more" heading late in the article ends it, with the teasers after it', () => {
    const t = text('<p>Mehr lesen:</p><p>Die Fähre fährt wieder nach Plan</p><p>Der Hafen wird ausgebaut</p>', 'end');
    expect(t).toContain(P4);
    expect(t).not.toContain('Die Fähre');
  });

  it('"more posts from the column" late in the article ends it', () => {
    const t = text('<p>Weitere Beiträge aus der Reihe:</p><p>Wie Flüsse Städte formen</p>', 'end');
    expect(t).toContain(P4);
    expect(t).not.toContain('Flüsse Städte');
  });

  it('a preformatted block with pipes (a file tree) stays', () => {
    const tree = 'project/ |-- src/ | |-- main.ts |-- README.md';
    const t = text(`<pre>${tree}</pre>`);
    expect(t).toContain('main.ts');
  });

  it('a sentence that merely mentions subscribing stays', () => {
    const s = 'Residents who subscribe to the council newsletter will hear when the bridge reopens, the clerk said.';
    expect(text(`<p>${s}</p>`)).toContain(s);
  });
});
