/**
 * The ledger's rows reach PostgreSQL as text[] literals made by walkback (postgres/ledger.ts
 * textArrayLiteral): every value comes back as it was, whatever characters it holds.
 */
import { describe, it, expect, inject } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { textArrayLiteral } from '../../src/store/postgres/ledger.js';

const pgUrl = inject('pgUrl');
/** PostgreSQL's text holds no NUL character: none is ever given to it. */
const NUL = String.fromCharCode(0);

describe.skipIf(!pgUrl)('text[] literals', () => {
  it('give back each value, null as null, in order', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const back = async (values: Array<string | null>): Promise<Array<string | null>> =>
        (await client.query<{ v: string | null }>('SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n', [textArrayLiteral(values)])).rows.map((r) => r.v);
      const tricky = ['', 'NULL', 'null', '"', '\\', '\\"', '{a,b}', 'a, b', ' spaced ', '{"k":"v \\"q\\""}', 'line\nbreak\ttab', 'Ärvid – “quoted” ✓ 𝄞', null];
      expect(await back(tricky)).toEqual(tricky);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.option(fc.string({ unit: 'grapheme' }).map((s) => s.split(NUL).join('')), { nil: null }), { minLength: 1, maxLength: 20 }), async (values) => {
          expect(await back(values)).toEqual(values);
        }),
        { numRuns: 100 },
      );
    } finally {
      await client.end();
    }
  });
});
