/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
import { describe, it, expect } from 'vitest';
import { renderTimelineJs, timelineDate } from '../../../src/report/formats/timelinejs.js';
import { story } from '../../server/fixture.js';

describe('timelinejs report', () => {
  it('gives a title and one slide per dated claim, grouped by event', () => {
    const { docs, ledger } = story();
    const tl = JSON.parse(renderTimelineJs(docs, ledger));
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

  it('leaves out claims it cannot date', () => {
    const { docs, ledger } = story();
    for (const d of docs) d.meta.published = null;
    ledger.claims[0]!.claim.date = null;
    const tl = JSON.parse(renderTimelineJs(docs, ledger));
    expect(tl.events).toHaveLength(3);
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
