/**
 * End to end on an invented story: a narrated act is exported with its actor, and the conflict
 * it makes with another side's later answer names that actor.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePaths } from '../../src/analyze.js';
import { buildLedger } from '../../src/pipeline.js';
import { buildExport } from '../../src/report/export.js';
import { tempDir } from '../helpers/tmp.js';

describe('conflicts: a narrated act, end to end', () => {
  it('"Brix Capital walked away from the takeover" is Brix\'s, and Ardent\'s answer denies it', async () => {
    const dir = tempDir();
    // Past dates: a publication date in the future is no date.
    writeFileSync(join(dir, 'a.txt'), 'published: 2024-03-08\n\nBrix Capital walked away from the takeover of Ardent Foods on Friday.\n');
    writeFileSync(join(dir, 'b.txt'), 'published: 2024-03-10\n\nArdent Foods said on Sunday that Brix Capital has no right to end the agreement, because the takeover of Ardent Foods by Brix Capital was never finalized.\n');
    const { docs } = await analyzePaths([dir]);
    const ledger = buildLedger(docs);
    const exp = buildExport(docs, ledger);
    const name = new Map(exp.entities.map((e) => [e.id, e.name]));
    const narrated = exp.claims.find((c) => c.status === 'cancelled' && c.source === null);
    expect(narrated && name.get(narrated.actor ?? '')).toBe('Brix Capital');
    const k = ledger.conflicts.find((x) => x.claims.includes(narrated!.id));
    expect(k?.kind).toBe('denial');
    expect(k?.explanation).toMatch(/^Brix Capital said on 2024-03-08 that it was cancelled, but Ardent Foods said on 2024-03-10/);
  });
});
