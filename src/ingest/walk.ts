/**
 * Paths to files: a folder is read recursively, in sorted order, hidden files and folders and
 * `node_modules` skipped, and files of a type walkback does not read set aside (WalkOptions); include/exclude globs (picomatch) are matched against the path relative to the
 * folder given (and against the base name, so `*.txt` works at any depth). Symbolic links are
 * followed, to files and to folders; a folder already read (a link loop, or two links to one
 * folder) is read once, and a link to nothing is reported in one line.
 */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../core/message.js';

/** Folders never read: installed packages, not articles (hidden folders are skipped too). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);

export interface WalkOptions {
  /** Whether a file inside a folder is of a format walkback reads; the others are passed to onOther, not read. */
  readable?: (file: string) => boolean;
  /** A file inside a folder left unread for its type (counted in one summary line, not an error each). */
  onOther?: (file: string) => void;
}

export function* walkPaths(paths: string[], include: string[] = [], exclude: string[] = [], opts: WalkOptions = {}): Generator<string | InputError> {
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
    const seen = new Set<string>([realpathSync(p)]);
    while (stack.length) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        yield new InputError(dir, `unreadable folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'ingest/unreadable');
        continue;
      }
      // Sorted, so that a folder reached by two paths is always read under the same one.
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.') || SKIPPED_FOLDERS.has(e.name)) continue;
        const full = join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            const target = statSync(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch (err) {
            yield new InputError(full, `broken symbolic link: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'ingest/unreadable');
            continue;
          }
        }
        if (isDir) {
          const real = realpathSync(full);
          if (seen.has(real)) continue;
          seen.add(real);
          stack.push(full);
        } else if (isFile && wanted(p, full)) {
          if (!opts.readable || opts.readable(full)) files.push(full);
          else opts.onOther?.(full);
        }
      }
    }
    files.sort();
    yield* files;
  }
}
