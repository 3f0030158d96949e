/** An http(s) URL's body: redirects followed, a timeout, and a size limit read as it streams. */
import { InputError } from '../core/message.js';

export interface Fetched {
  url: string;
  bytes: Buffer;
  contentType: string | null;
}

export async function fetchUrl(url: string, maxBytes: number, timeoutMs: number): Promise<Fetched | InputError> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'walkback (+https://github.com/walkback)', accept: 'text/html,application/xhtml+xml,application/json,application/rss+xml,text/plain;q=0.9,*/*;q=0.5' } });
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${timeoutMs} ms` : `fetch failed: ${(e.cause as Error | undefined)?.message ?? e.message}`;
    return new InputError(url, why, 'ingest/fetch');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return new InputError(url, `HTTP ${res.status} ${res.statusText}`.trim(), 'ingest/fetch');
  }
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
  return { url: res.url || url, bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') };
}
