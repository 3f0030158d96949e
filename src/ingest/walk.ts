/**
 * Paths to files: a folder is read recursively, in sorted order, hidden files and folders
 * skipped; include/exclude globs (picomatch) are matched against the path relative to the
 * folder given (and against the base name, so `*.txt` works at any depth).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../core/message.js';

export function* walkPaths(paths: string[], include: string[] = [], exclude: string[] = []): Generator<string | InputError> {
  const inc = include.length ? picomatch(include, { dot: false }) : null;
  const exc = exclude.length ? picomatch(exclude, { dot: true }) : null;
  const wanted = (root: string, file: string): boolean => {
    const rel = relative(root, file) || basename(file);
    const base = basename(file);
    if (exc && (exc(rel) || exc(base))) return false;
    return !inc || inc(rel) || inc(base);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      yield new InputError(p, `unreadable path: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'ingest/unreadable');
      continue;
    }
    if (!st.isDirectory()) {
      // A file named on the command line is read even if hidden; globs still apply.
      if (wanted(p, p)) yield p;
      continue;
    }
    const stack = [p];
    const files: string[] = [];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        yield new InputError(dir, `unreadable folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'ingest/unreadable');
        continue;
      }
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const full = join(dir, e.name);
        if (e.isDirectory()) stack.push(full);
        else if (e.isFile() && wanted(p, full)) files.push(full);
      }
    }
    files.sort();
    yield* files;
  }
}
