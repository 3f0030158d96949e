/**
 * The sources named on the command line: a feed or page URL, or a file of them, one a line
 * (`URL [NAME...]`, blank lines and `#` comments skipped). A bad line is reported naming the
 * file and line, and the others are watched.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/message.js';

export interface WatchSource {
  url: string;
  name: string | null;
}

const URL_RE = /^https?:\/\//i;

export function readSources(args: string[]): { sources: WatchSource[]; errors: InputError[] } {
  const sources = new Map<string, WatchSource>();
  const errors: InputError[] = [];
  const add = (s: WatchSource): void => {
    if (!sources.has(s.url)) sources.set(s.url, s);
  };
  for (const arg of args) {
    if (URL_RE.test(arg)) {
      add({ url: arg, name: null });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (err) {
      errors.push(new InputError(arg, `not a URL, and no readable file of sources: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'watch/bad-source'));
      continue;
    }
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const [url, ...name] = line.split(/\s+/);
      if (!URL_RE.test(url!)) errors.push(new InputError(`${arg}:${i + 1}`, `not an http(s) URL: ${url}`, 'watch/bad-source'));
      else add({ url: url!, name: name.join(' ') || null });
    }
  }
  return { sources: [...sources.values()], errors };
}
