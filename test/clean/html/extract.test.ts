import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/clean/html/extract.js';

const P1 = 'The harbour board of Velmora approved the new ferry timetable after a long debate among its members on Tuesday evening.';
const P2 = 'Skipper Ana Kellin said the crews would need two more boats before the summer season began, and that the board knew it.';
const P3 = 'The first boats under the new timetable are to leave the northern pier at six in the morning from the first of June.';
const BODY = `<div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`;

function text(html: string): string {
  return extractHtml(`<!doctype html><html lang="en"><head><title>Ferry timetable</title></head><body>${html}</body></html>`).text;
}

describe('main text of an HTML page', () => {
  it('keeps every paragraph of the article', () => {
    const t = text(`<article><h1>Ferry timetable approved</h1>${BODY}</article>`);
    for (const p of [P1, P2, P3]) expect(t).toContain(p);
  });

  it.each([
    ['a share bar', '<div class="share-bar"><a>Share on social media with your friends and family today</a></div>', 'Share on social media'],
    ['related links', '<div class="related-articles"><p>Another story about the lighthouse keepers of Ostrava Minor and their cats.</p></div>', 'lighthouse keepers'],
    ['comments', '<section id="comments"><p>Rolf wrote: I think the ferry timetable is a great idea for the whole town.</p></section>', 'Rolf wrote'],
    ['a cookie banner', '<div class="cookie-consent"><p>We use cookies to give you the best experience on our website, accept them.</p></div>', 'We use cookies'],
    ['a newsletter box', '<div class="newsletter-signup"><p>Sign up to our newsletter and get the harbour news every morning for free.</p></div>', 'Sign up to our'],
    ['a caption', '<figure><img src="x.jpg"><figcaption>The northern pier at dawn. Photo: Lisa Marten</figcaption></figure>', 'The northern pier at dawn'],
    ['navigation', '<nav><ul><li>Home</li><li>Harbour</li><li>Weather</li></ul></nav>', 'Weather'],
  ])('drops %s', (_name, clutter, words) => {
    const t = text(`<article><h1>Ferry timetable approved</h1>${clutter}${BODY}${clutter}</article>`);
    expect(t).toContain(P2);
    expect(t).not.toContain(words);
  });

  it('a wrapper named loosely ("sidebar") that holds the article stays', () => {
    const t = text(`<div id="sidebar"><article><h1>Ferry timetable approved</h1>${BODY}</article></div>`);
    expect(t).toContain(P1);
  });

  it('a class that says what an element lacks ("no-share") does not drop it', () => {
    const t = text(`<article><h1>Ferry timetable approved</h1><div class="entry-content no-share"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`);
    expect(t).toContain(P3);
  });

  it('keeps the lead above the article body', () => {
    const lead = 'Velmora gets a new ferry timetable, and the crews say they need more boats for it.';
    const t = text(`<article><h1>Ferry timetable approved</h1><div class="article-intro"><p>${lead}</p></div><div class="meta">By Ada Morrow</div>${BODY}</article>`);
    expect(t.split('\n')[0]).toBe(lead);
  });

  it('keeps tables and lists of the article as text', () => {
    const t = text(`<article><h1>Ferry timetable approved</h1>${BODY}<ul><li>North pier: six in the morning</li><li>South pier: seven in the morning</li></ul><table><tr><td>Adults</td><td>4 crowns</td></tr><tr><td>Children</td><td>2 crowns</td></tr></table></article>`);
    expect(t).toContain('North pier: six in the morning');
    expect(t).toContain('4 crowns');
  });

  it('ends the article at a "Related articles" line in its tail', () => {
    const t = text(`<article><h1>Ferry timetable approved</h1><div><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>Related articles</p><p>Lighthouse sold to a baker from Kelling.</p></div></article>`);
    expect(t).toContain(P3);
    expect(t).not.toContain('Lighthouse sold');
  });
});
