/** An http(s) URL's body: redirects followed, a timeout, and a size limit read as it streams. */
import { InputError } from '../core/message.js';

export interface Fetched {
  url: string;
  bytes: Buffer;
  contentType: string | null;
}

/** Every request walkback makes names it. */
export const USER_AGENT = 'walkback (+https://github.com/walkback)';

/** A fetch that threw (time-out, refused, reset, too many redirects) as one line naming the URL. */
export function fetchFailure(url: string, err: unknown, timeoutMs: number): InputError {
  const e = err as Error;
  const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${timeoutMs} ms` : `fetch failed: ${(e.cause as Error | undefined)?.message ?? e.message}`;
  return new InputError(url, why, 'ingest/fetch');
}

export async function fetchUrl(url: string, maxBytes: number, timeoutMs: number): Promise<Fetched | InputError> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/json,application/rss+xml,text/plain;q=0.9,*/*;q=0.5' } });
  } catch (err) {
    return fetchFailure(url, err, timeoutMs);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return new InputError(url, `HTTP ${res.status} ${res.statusText}`.trim(), 'ingest/fetch');
  }
  const bytes = await readBody(res, url, maxBytes);
  if (bytes instanceof InputError) return bytes;
  return { url: res.url || url, bytes, contentType: res.headers.get('content-type') };
}

/** A response's body up to `maxBytes`, read as it streams (a declared length over it is refused unread). */
export async function readBody(res: Response, url: string, maxBytes: number): Promise<Buffer | InputError> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return new InputError(url, `over the size limit (${declared} > ${maxBytes} bytes)`, 'ingest/too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return new InputError(url, `over the size limit (> ${maxBytes} bytes)`, 'ingest/too-large');
      }
      chunks.push(Buffer.from(r.value));
    }
  } catch (err) {
    return new InputError(url, `read failed: ${(err as Error).message}`, 'ingest/fetch');
  }
  return Buffer.concat(chunks);
}
