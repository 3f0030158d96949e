/**
 * Knowledge as data: every lexicon is a YAML file in data/lexicons/ (a list of entries, each
 * with an id), checked by a zod schema when loaded and cached. A user file passed with
 * `--lexicon FILE` is a YAML mapping from lexicon name to more entries; an entry with an id
 * already present replaces it, a new id is appended.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));

/** data/ lives at the package root; from src/core or dist/src/core. */
function findDataDir(): string {
  for (const up of ['../..', '../../..']) {
    const dir = resolve(here, up, 'data');
    if (existsSync(join(dir, 'lexicons'))) return dir;
  }
  throw new Error(`walkback: cannot find the data/lexicons folder from ${here}`);
}

export const dataDir = findDataDir();

export const BaseEntry = z.object({ id: z.string().min(1) }).passthrough();

let userFiles: string[] = [];
const cache = new Map<string, unknown[]>();

/** Add user lexicon files (YAML mapping lexicon name -> entries). Clears the cache. */
export function useLexiconFiles(files: string[]): void {
  userFiles = files.map((f) => resolve(f));
  cache.clear();
}

function readYamlList(file: string, name: string): unknown[] {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(doc)) throw new Error(`${file}: lexicon ${name} must be a YAML list of entries`);
  return doc;
}

/**
 * Load a lexicon by name (file data/lexicons/NAME.yml) and validate every entry.
 * Errors name the file and the entry.
 */
export function loadLexicon<S extends z.ZodTypeAny>(name: string, schema: S): Array<z.infer<S>> {
  const hit = cache.get(name);
  if (hit) return hit as Array<z.infer<S>>;
  const file = join(dataDir, 'lexicons', `${name}.yml`);
  const entries = new Map<string, unknown>();
  const add = (raw: unknown, from: string, index: number): void => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${from}: entry ${index + 1} of lexicon ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    const id = (parsed.data as { id: string }).id;
    entries.set(id, parsed.data);
  };
  readYamlList(file, name).forEach((raw, i) => add(raw, file, i));
  for (const uf of userFiles) {
    const doc: unknown = parse(readFileSync(uf, 'utf8'));
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new Error(`${uf}: a user lexicon file must be a YAML mapping from lexicon name to a list of entries`);
    }
    const list = (doc as Record<string, unknown>)[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`${uf}: ${name} must be a list of entries`);
    list.forEach((raw, i) => add(raw, uf, i));
  }
  const out = [...entries.values()];
  cache.set(name, out);
  return out as Array<z.infer<S>>;
}

/** Escape a literal for use in a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of phrases, longest first so that 'told reporters' wins over 'told'.
 * Spaces in a phrase match any run of white space.
 */
export function alternation(phrases: Iterable<string>): string {
  const uniq = [...new Set(phrases)].filter((p) => p.length > 0);
  uniq.sort((a, b) => b.length - a.length);
  return uniq.map((p) => escapeRegExp(p).replace(/ +/g, '\\s+')).join('|');
}
