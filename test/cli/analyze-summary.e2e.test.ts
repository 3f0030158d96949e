/** analyze on a folder as a newsroom keeps it: one summary line for the files it does not read, the documents it stores but does not analyse listed with their language. */
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';

const HUNGARIAN =
  'A norlandi kormány szóvivője szerdán azt mondta, hogy a kikötői bérleti szerződést még nem írták alá, és a tárgyalások a jövő héten folytatódnak. ' +
  'A miniszter szerint a megállapodás részletei még nem véglegesek, de a két ország vezetői bíznak abban, hogy hamarosan sikerül megegyezni a feltételekről.';

describe('walkback analyze FOLDER', () => {
  it('sets files of other types aside in one line, and lists the documents not analysed for their language', async () => {
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(join(story, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(story, '01.txt'), 'Lease signed\n\nThe harbor lease is signed, Norland minister Aldo Brenn said on Friday.');
    writeFileSync(join(story, '02-hu.txt'), `Bérleti szerződés\n\n${HUNGARIAN}`);
    writeFileSync(join(story, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    writeFileSync(join(story, 'notes.csv'), 'a,b\n1,2\n');
    writeFileSync(join(story, 'node_modules', 'pkg', 'README.md'), '# not an article');
    const db = join(dir, 's.db');
    const r = await cli('analyze', story, '--db', db, '--published', '2025-01-10');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('analyzed 2 input(s): 2 new, 0 unchanged, 0 failed\n');
    expect(r.out).toContain('skipped 2 files of other types in the folders (csv 1, png 1): walkback reads .txt, .md, .html, .json, .jsonl and feeds\n');
    expect(r.out).toContain('not analysed (not in English yet): 1 document (hu 1)\n  hu  02-hu.txt\n');
    expect(r.out).not.toContain(`${story}/`);
    const json = JSON.parse((await cli('analyze', story, '--db', db, '--json')).out) as { otherFiles: number; notAnalysed: unknown };
    expect(json.otherFiles).toBe(2);
    expect(json.notAnalysed).toEqual([{ source: '02-hu.txt', language: 'hu' }]);
  });
});
