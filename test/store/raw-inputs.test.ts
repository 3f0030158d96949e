/**
 * Raw inputs are kept verbatim and content-addressed, deflated when that is shorter
 * (src/store/packed.ts packRaw): on both backends, each input reads back byte for byte, the
 * page of HTML that compresses as well as the bytes that do not.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { toDocRow } from '../../src/store/store.js';
import { copySignatures } from '../../src/clean/duplicates.js';
import { story } from '../server/fixture.js';
import { backends, skipped, type Opened } from './backends.js';

const page = Buffer.from(`<!doctype html><html><body>${'<p>The ferry talks resumed on Monday, the council said.</p>\n'.repeat(200)}</body></html>`);
const noise = randomBytes(5000);

describe.each(backends)('raw inputs on the %s store', (backend, open) => {
  const skip = skipped(backend);
  let opened: Opened;
  beforeAll(async () => {
    if (skip) return;
    opened = await open();
    const [a, b] = story().docs;
    await opened.store.saveDocs([
      toDocRow({ doc: { ...a!, rawHash: 'hash-page' }, raw: page, ...copySignatures(a!.text) }),
      toDocRow({ doc: { ...b!, rawHash: 'hash-noise' }, raw: noise, ...copySignatures(b!.text) }),
    ]);
  });
  afterAll(async () => {
    if (!skip) await opened.done();
  });

  it.skipIf(skip)('read back byte for byte, compressible or not', async () => {
    expect((await opened.store.raw('hash-page'))?.equals(page)).toBe(true);
    expect((await opened.store.raw('hash-noise'))?.equals(noise)).toBe(true);
  });

  it.skipIf(skip || backend !== 'sqlite')('take less room than their bytes when they compress, and as many when they do not', () => {
    const db = new Database(opened.db, { readonly: true });
    const stored = db.prepare('SELECT hash, size, length(bytes) AS stored FROM raw_inputs ORDER BY hash').all();
    db.close();
    expect(stored).toEqual([
      { hash: 'hash-noise', size: noise.length, stored: noise.length },
      { hash: 'hash-page', size: page.length, stored: expect.any(Number) },
    ]);
    expect((stored[1] as { stored: number }).stored).toBeLessThan(page.length / 10);
  });
});
