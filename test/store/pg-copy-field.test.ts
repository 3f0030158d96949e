/**
 * The ledger's rows reach PostgreSQL as COPY text made by walkback (postgres/ledger.ts
 * insertRows, copyField): every value comes back as it was, whatever characters it holds.
 */
import { describe, it, expect, inject } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { insertRows } from '../../src/store/postgres/ledger.js';

const pgUrl = inject('pgUrl');
/** PostgreSQL's text holds no NUL character: none is ever given to it. */
const NUL = String.fromCharCode(0);

describe.skipIf(!pgUrl)('COPY fields', () => {
  it('give back each value, null as null, in order', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE copied (n INTEGER GENERATED ALWAYS AS IDENTITY, a TEXT, b TEXT)');
      // Each value as the first field of a row and as the last, so a separator it holds would show.
      const back = async (values: Array<string | null>): Promise<Array<string | null>> => {
        await client.query('TRUNCATE copied RESTART IDENTITY');
        await insertRows(client, 'copied', ['a', 'b'], values, (v) => [v, v]);
        const rows = (await client.query<{ a: string | null; b: string | null }>('SELECT a, b FROM copied ORDER BY n')).rows;
        expect(rows.map((r) => r.b)).toEqual(rows.map((r) => r.a));
        return rows.map((r) => r.a);
      };
      const tricky = ['', 'NULL', '\\N', 'N', '"', '\\', '\\"', '\\\\N', '{a,b}', 'a, b', ' spaced ', '{"k":"v \\"q\\""}', 'line\nbreak\ttab\rreturn', '\\.', 'Ärvid – “quoted” ✓ 𝄞', null];
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
