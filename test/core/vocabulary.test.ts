/**
 * The ledger's vocabulary is declared once (data/lexicons/ledger.yml); the TypeScript tuples
 * exist only because types cannot come from YAML, so they must name exactly what the file does.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLexiconFiles } from '../../src/core/lexicon.js';
import {
  ACT, AGAINST_COURSE, AGAINST_TRACK, EVENT_TYPES, FACT, FIRM, FORWARD_COURSE, FORWARD_TRACK, HEDGE_TRACK, NEGATIVE, REJECTING, STATUSES, STOPPED, TRANSITIVE,
  builtinDeclaration, denialOf, eventTypeLabel, eventTypes, statusLabel,
} from '../../src/core/vocabulary.js';
import { tempDir } from '../helpers/tmp.js';

const sorted = (s: Iterable<string>): string[] => [...s].sort();

describe('the vocabulary declaration', () => {
  afterEach(() => useLexiconFiles([]));

  it('names exactly the statuses and event types of the TypeScript tuples, in their order', () => {
    const d = builtinDeclaration();
    expect(d.statuses.map((s) => s.id)).toEqual([...STATUSES]);
    expect(d.eventTypes.map((t) => t.id)).toEqual([...EVENT_TYPES]);
    expect(sorted(eventTypes().keys())).toEqual(sorted(EVENT_TYPES));
  });

  it('puts every status on one track, as LEDGER.md does', () => {
    expect(sorted(FORWARD_TRACK)).toEqual(['agreed', 'held', 'planned', 'proposed']);
    expect(sorted(AGAINST_TRACK)).toEqual(['cancelled', 'not_agreed', 'not_held', 'postponed', 'unlikely']);
    expect(sorted(HEDGE_TRACK)).toEqual(['possible']);
    expect(FORWARD_TRACK.size + AGAINST_TRACK.size + HEDGE_TRACK.size).toBe(STATUSES.length);
  });

  it('gives the sets the rules and the conflict table read', () => {
    expect(sorted(FIRM)).toEqual(['agreed', 'planned']);
    expect(sorted(STOPPED)).toEqual(['cancelled', 'postponed']);
    expect(sorted(REJECTING)).toEqual(['not_agreed', 'not_held', 'unlikely']);
    expect(sorted(FACT)).toEqual(['held', 'not_held']);
    expect(sorted(FORWARD_COURSE)).toEqual(['agreed', 'planned', 'proposed']);
    expect(sorted(AGAINST_COURSE)).toEqual(['cancelled', 'not_agreed', 'postponed', 'unlikely']);
    expect(sorted(NEGATIVE)).toEqual(['not_agreed', 'not_held', 'possible', 'postponed', 'unlikely']);
    expect(sorted(ACT)).toEqual(['agreed', 'cancelled', 'not_agreed', 'postponed', 'proposed', 'unlikely']);
    expect(sorted(TRANSITIVE)).toEqual(['cancelled', 'held', 'postponed']);
  });

  it('labels statuses and event types, and says what a denial of each type asserts', () => {
    expect(statusLabel('not_agreed')).toBe('not agreed');
    expect(statusLabel('unknown')).toBe('unknown');
    expect(eventTypeLabel('ceasefire')).toBe('ceasefire');
    expect([denialOf('meeting'), denialOf('call'), denialOf('deal')]).toEqual(['not_held', 'not_held', 'not_agreed']);
  });

  it('takes an event type from a user file, and refuses a user file that changes a status', () => {
    const dir = tempDir();
    const good = join(dir, 'good.yml');
    writeFileSync(good, 'ledger:\n  - { id: tender, kind: event-type, label: tender offer, denial: not_agreed }\n');
    useLexiconFiles([good]);
    expect(eventTypes().get('tender')).toMatchObject({ label: 'tender offer', scored: false });
    expect(eventTypeLabel('tender')).toBe('tender offer');
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'ledger:\n  - { id: held, kind: status, label: done, track: against }\n');
    useLexiconFiles([bad]);
    expect(() => eventTypes()).toThrow(/bad\.yml: lexicon ledger: status held: statuses are fixed/);
  });
});
