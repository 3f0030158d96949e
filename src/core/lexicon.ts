/**
 * Knowledge as data: every lexicon is a YAML file in data/lexicons/ (a list of entries, each
 * with an id), checked by a zod schema when loaded and cached. A user file passed with
 * `--lexicon FILE` is a YAML mapping from lexicon name to more entries; an entry with an id
 * already present replaces it, a new id is appended.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, YAMLException } from 'js-yaml';
import { z } from 'zod';
import type { Message } from './message.js';

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

let userFiles: Array<{ file: string; doc: Record<string, unknown> }> = [];
/** The user file each loaded entry came from; built-in entries have none. */
const origins = new WeakMap<object, string>();

/** The user lexicon file an entry of loadLexicon came from, or undefined for a built-in entry. */
export function originOf(entry: object): string | undefined {
  return origins.get(entry);
}

/**
 * Where lexicon warnings go: a problem that does not stop the run (a user entry that takes a
 * form from a built-in one). The CLI points it at its stderr; a library user may take them.
 */
let warnSink: (m: Message & { file: string }) => void = (m) => process.stderr.write(`${formatLexiconWarning(m)}\n`);

/** One line, as the CLI prints input errors: `file  warning  reason  rule`. */
export function formatLexiconWarning(m: Message & { file: string }): string {
  return `${m.file}  warning  ${m.reason}  ${m.ruleId}`;
}

/** Send lexicon warnings to `sink`; returns the previous sink, to put back. */
export function onLexiconWarning(sink: (m: Message & { file: string }) => void): (m: Message & { file: string }) => void {
  const prev = warnSink;
  warnSink = sink;
  return prev;
}

/** Warnings given since the sources last changed: worker threads compile the same lexicons, each warning is given once. */
const warned = new Set<string>();

export function lexiconWarning(file: string, reason: string, ruleId: string): void {
  const key = `${file}\n${reason}\n${ruleId}`;
  if (warned.has(key)) return;
  warned.add(key);
  warnSink({ file, reason, ruleId, fatal: false });
}
const cache = new Map<string, unknown[]>();
/** Bumped whenever the lexicon sources change (user files set), so compiled forms rebuild. */
let generation = 0;

/**
 * A lexicon compiled from loaded entries (maps, regexes), built on first use and again after
 * the sources change. The stages ask for theirs hundreds of times a document: the check is
 * one comparison, with nothing allocated.
 */
export function compiledLexicon<T>(build: () => T): () => T {
  let builtAt = -1;
  let value: T | undefined;
  return () => {
    if (builtAt !== generation) {
      value = build();
      builtAt = generation;
    }
    return value as T;
  };
}

/** The user lexicon files in use (resolved paths), for worker threads to load the same. */
export function lexiconFiles(): string[] {
  return userFiles.map((f) => f.file);
}

/**
 * Add user lexicon files (YAML mapping lexicon name -> entries). They are read and checked
 * here, so a broken file stops the run at once, in one line naming it. Clears the cache.
 */
export function useLexiconFiles(files: string[]): void {
  userFiles = files.map((f) => {
    const file = resolve(f);
    const doc = readYaml(file);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new Error(`${file}: a user lexicon file must be a YAML mapping from lexicon name to a list of entries`);
    }
    for (const [name, list] of Object.entries(doc)) {
      if (!existsSync(join(dataDir, 'lexicons', `${name}.yml`))) throw new Error(`${file}: no lexicon is named ${name} (see data/lexicons/)`);
      if (!Array.isArray(list)) throw new Error(`${file}: ${name} must be a list of entries`);
      list.forEach((entry, i) => {
        if (!BaseEntry.safeParse(entry).success) throw new Error(`${file}: entry ${i + 1} of lexicon ${name}: every entry needs an id`);
      });
    }
    return { file, doc: doc as Record<string, unknown> };
  });
  cache.clear();
  warned.clear();
  generation++;
}

/** A YAML file's content; errors in one line, `file:line:column: reason`. */
function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return load(text, { filename: file });
  } catch (err) {
    if (err instanceof YAMLException) throw new Error(err.mark ? `${file}:${err.mark.line + 1}:${err.mark.column + 1}: ${err.reason}` : `${file}: ${err.reason}`);
    throw err;
  }
}

function readYamlList(file: string, name: string): unknown[] {
  const doc = readYaml(file);
  if (!Array.isArray(doc)) throw new Error(`${file}: lexicon ${name} must be a YAML list of entries`);
  return doc;
}

/**
 * Load a lexicon by name (file data/lexicons/NAME.yml) and validate every entry.
 * Errors name the file and the entry.
 */
export function loadLexicon<S extends z.ZodTypeAny>(name: string, schema: S): Array<z.infer<S>> {
  return (cache.get(name) as Array<z.infer<S>> | undefined) ?? readLexicon(name, schema);
}

/** A lexicon's built-in entries alone, whatever user files are set: for knowledge a user file may not change. */
export function loadBuiltinLexicon<S extends z.ZodTypeAny>(name: string, schema: S): Array<z.infer<S>> {
  const file = join(dataDir, 'lexicons', `${name}.yml`);
  return readYamlList(file, name).map((raw, i) => parseEntry(schema, raw, file, name, i));
}

function parseEntry<S extends z.ZodTypeAny>(schema: S, raw: unknown, from: string, name: string, index: number): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${from}: entry ${index + 1} of lexicon ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return parsed.data as z.infer<S>;
}

function readLexicon<S extends z.ZodTypeAny>(name: string, schema: S): Array<z.infer<S>> {
  const file = join(dataDir, 'lexicons', `${name}.yml`);
  const entries = new Map<string, unknown>();
  const add = (raw: unknown, from: string, index: number): void => {
    const data = parseEntry(schema, raw, from, name, index) as { id: string };
    if (from !== file) origins.set(data, from);
    entries.set(data.id, data);
  };
  readYamlList(file, name).forEach((raw, i) => add(raw, file, i));
  for (const { file: uf, doc } of userFiles) {
    const list = doc[name];
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

interface TrieNode {
  end: boolean;
  /** Longest phrase length below this node, to try longer continuations first. */
  depth: number;
  children: Map<string, TrieNode>;
}

/** A phrase as regex atoms: each character escaped; a run of spaces matches any white space. */
function atoms(phrase: string): string[] {
  return phrase.match(/ +|./gsu)!.map((a) => (a[0] === ' ' ? '\\s+' : escapeRegExp(a)));
}

function emit(node: TrieNode): string {
  const kids = [...node.children].sort((a, b) => b[1].depth - a[1].depth);
  const parts = kids.map(([atom, child]) => atom + emit(child));
  if (parts.length === 0) return '';
  if (node.end) return `(?:${parts.join('|')})?`;
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/**
 * An alternation of phrases in which 'told reporters' wins over 'told': a longer phrase is
 * tried before any phrase it extends. Spaces in a phrase match any run of white space.
 * Built as a prefix tree ('told(?:\\s+reporters)?'), not a flat list: with hundreds of
 * phrases a flat list makes the regex engine try every phrase at every position of the text,
 * a tree only the few that share the text's first letters (the cue and role scans run over
 * every document).
 */
export function alternation(phrases: Iterable<string>): string {
  const root: TrieNode = { end: false, depth: 0, children: new Map() };
  for (const p of new Set(phrases)) {
    if (p.length === 0) continue;
    const seq = atoms(p);
    let n = root;
    n.depth = Math.max(n.depth, seq.length);
    seq.forEach((a, i) => {
      let c = n.children.get(a);
      if (!c) n.children.set(a, (c = { end: false, depth: 0, children: new Map() }));
      c.depth = Math.max(c.depth, seq.length - i - 1);
      n = c;
    });
    n.end = true;
  }
  const kids = [...root.children].sort((a, b) => b[1].depth - a[1].depth);
  return kids.map(([atom, child]) => atom + emit(child)).join('|');
}
