import { describe, it, expect, afterEach } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { compiledLexicon, useLexiconFiles } from '../../src/core/lexicon.js';
import { attributionLexicon } from '../../src/attribution/lexicon.js';

describe('compiled lexicons', () => {
  afterEach(() => useLexiconFiles([]));

  it('are built once and kept while the sources stay the same', () => {
    let builds = 0;
    const get = compiledLexicon(() => ({ n: ++builds }));
    expect(get()).toBe(get());
    expect(builds).toBe(1);
  });

  it('are built again when a user lexicon file changes the sources, and again when it goes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wb-')), 'verbs.yml');
    writeFileSync(file, 'reporting-verbs:\n  - { id: verb/harrumph, forms: [harrumphed] }\n');
    expect(attributionLexicon().verb.has('harrumphed')).toBe(false);
    useLexiconFiles([file]);
    expect(attributionLexicon().verb.get('harrumphed')?.id).toBe('verb/harrumph');
    expect(attributionLexicon().cueRe.test('she harrumphed')).toBe(true);
    useLexiconFiles([]);
    expect(attributionLexicon().verb.has('harrumphed')).toBe(false);
  });
});
