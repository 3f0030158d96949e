/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
import { describe, it, expect } from 'vitest';
import { renderReport } from '../../../src/report/formats/index.js';
import { MAX_GROUPS, buildTimelineJs, timelineDate } from '../../../src/report/formats/timelinejs.js';
import { openReport } from '../../../src/report/formats/view.js';
import { memoryReads } from '../../../src/report/memory-reads.js';
import { story } from '../../server/fixture.js';

describe('timelinejs report', () => {
  it('gives a title and one slide per dated claim, grouped by event', async () => {
    const { docs, ledger } = story();
    const tl = JSON.parse(await renderReport('timelinejs', docs, ledger));
    expect(tl.title.text.headline).toBeTruthy();
    expect(tl.events.map((e: any) => [e.group, e.start_date, e.text.headline])).toEqual([
      ['Velmora–Ostrana summit in Tallinor', { year: 2025, month: 3, day: 3 }, 'Anja Kross: agreed'],
      ['Velmora–Ostrana summit in Tallinor', { year: 2025, month: 3, day: 5 }, 'Dmitri Vale: not agreed'],
      ['Velmora–Ostrana summit in Tallinor', { year: 2025, month: 3, day: 10 }, 'Anja Kross: postponed'],
      ['Leaders’ phone call', { year: 2025, month: 3, day: 9 }, 'Wire Service (the article): held'],
    ]);
    expect(new Set(tl.events.map((e: any) => e.unique_id)).size).toBe(4);
    expect(tl.events[1].text.text).toContain('<strong>denial:</strong>');
    expect(tl.events[1].text.text).toContain('&quot;Nothing has been agreed, and no date is set,&quot; Vale said.');
  });

  it('reads the story without numbering its sources, which a timeline does not list, and makes the same timeline', async () => {
    const { docs, ledger } = story();
    const numbered = await openReport(memoryReads(docs, ledger));
    const unnumbered = await openReport(memoryReads(docs, ledger), { numberSources: false });
    expect(await buildTimelineJs(unnumbered)).toEqual(await buildTimelineJs(numbered));
    expect(numbered.sources().length).toBeGreaterThan(0);
    expect(unnumbered.sources()).toEqual([]);
  });

  it('leaves claims it cannot date off the timeline and lists them on the title slide', async () => {
    const { docs, ledger } = story();
    for (const d of docs) d.meta.published = null;
    ledger.claims[0]!.claim.date = null;
    const tl = JSON.parse(await renderReport('timelinejs', docs, ledger));
    expect(tl.events).toHaveLength(3);
    expect(tl.title.text.text).toContain('Claims with no date, not on this timeline:');
    expect(tl.title.text.text).toContain('<li>Velmora–Ostrana summit in Tallinor: Anja Kross, agreed (Northern Ledger)</li>');
  });

  it(`gives the ${MAX_GROUPS} busiest events a group each and lists the others`, async () => {
    const { docs, ledger } = story();
    const base = ledger.claims[3]!;
    // Twelve more events, event n with n claims: the eight busiest are n = 5..12.
    for (let n = 1; n <= 12; n++) {
      ledger.events.push({ id: `x${n}`, type: 'meeting', participants: [], place: null, time: null, label: `Lind talks round ${n}`, mentions: [], status: 'held' });
      for (let i = 0; i < n; i++) ledger.claims.push({ ...base, id: `x${n}:${i}`, event: `x${n}` });
    }
    const tl = JSON.parse(await renderReport('timelinejs', docs, ledger));
    const groups = new Set(tl.events.map((e: any) => e.group));
    expect(groups.size).toBe(MAX_GROUPS);
    expect([...groups].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Lind talks round ${i + 5}`).sort());
    expect(tl.title.text.text).toContain('6 other events, not on this timeline:');
    expect(tl.title.text.text).toContain('<li>Lind talks round 4 (4 claims)</li>');
    expect(tl.title.text.text).toContain('<li>Velmora–Ostrana summit in Tallinor (3 claims)</li>');
  });

  it('credits each slide to its article, linked to the quote', async () => {
    const { docs, ledger } = story();
    docs[1]!.meta.url = 'https://ostrana.example/denial';
    const tl = JSON.parse(await renderReport('timelinejs', docs, ledger));
    const slide = tl.events.find((e: any) => e.text.headline.startsWith('Dmitri Vale'));
    expect(slide.text.text).toContain('<p class="credit"><a href="https://ostrana.example/denial#:~:text=Nothing%20has%20been%20agreed">Ostrana Daily</a></p>');
  });

  it.each([
    ['2025-03-09', undefined, { year: 2025, month: 3, day: 9 }],
    ['2025-03', '2025-03', { year: 2025, month: 3 }],
    ['2025-03-01', '2025-W09', { year: 2025, month: 3, day: 1, display_date: '2025-W09' }],
    ['XXXX-03-01', undefined, null],
    [null, undefined, null],
  ])('reads %s as a TimelineJS date', (iso, display, want) => {
    expect(timelineDate(iso, display)).toEqual(want);
  });
});

describe('the timelinejs file', () => {
  it.each([
    ['slides', (): ReturnType<typeof story> => story()],
    [
      'no slide',
      (): ReturnType<typeof story> => {
        const s = story();
        for (const d of s.docs) d.meta.published = null;
        for (const c of s.ledger.claims) c.claim.date = null;
        return s;
      },
    ],
    [
      'more events than groups',
      (): ReturnType<typeof story> => {
        const s = story();
        const base = s.ledger.claims[3]!;
        for (let n = 1; n <= 12; n++) {
          s.ledger.events.push({ id: `x${n}`, type: 'meeting', participants: [], place: null, time: null, label: `Lind "talks" round ${n}`, mentions: [], status: 'held' });
          for (let i = 0; i < n; i++) s.ledger.claims.push({ ...base, id: `x${n}:${i}`, event: `x${n}` });
        }
        return s;
      },
    ],
  ])('is written a slide at a time as the bytes of JSON.stringify of the whole, with %s', async (_name, make) => {
    const { docs, ledger } = make();
    const written = await renderReport('timelinejs', docs, ledger);
    const whole = await buildTimelineJs(await openReport(memoryReads(docs, ledger)));
    expect(written).toBe(JSON.stringify(whole, null, 1) + '\n');
    expect(whole.title.text.text).toContain(_name === 'no slide' ? 'Claims with no date' : _name === 'slides' ? 'events' : 'other events, not on this timeline');
  });
});
