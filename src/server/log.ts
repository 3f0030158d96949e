/**
 * The server's request log (off unless asked for): every string a client chose (the URL, the
 * Host header, an error message that quotes a posted field) is passed through printable(), so
 * a control character or a bidirectional override cannot forge or reorder a log line, whatever
 * reads the log (pino's JSON escapes newlines, not escape sequences' effect on a terminal
 * that shows a pretty-printed log, nor U+2028 or U+202E).
 */
import type { FastifyServerOptions } from 'fastify';
import { printable } from '../core/message.js';

/** Where log lines go: true for stdout, or any stream (tests pass their own). */
export type LogTarget = boolean | { write: (line: string) => void };

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

const serializers = {
  req: (r: LoggedRequest) => ({ method: r.method, url: printable(r.url ?? ''), host: printable(r.host ?? ''), remoteAddress: r.ip }),
  err: (e: Error) => ({ type: e.name, message: printable(e.message), stack: printable(e.stack ?? '') }),
};

export function loggerOptions(target: LogTarget | undefined): FastifyServerOptions['logger'] {
  if (!target) return false;
  return target === true ? { serializers } : { serializers, stream: target };
}
