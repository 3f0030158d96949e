/**
 * Local HTTP servers for the watch tests (node:http on 127.0.0.1, a free port): routes that a
 * test changes as it goes (a feed gaining items), a log of every request, and a webhook
 * receiver that keeps what it was sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  url: string;
  port: number;
  routes: Map<string, Route>;
  /** Every request: method, path and headers, with its body. */
  log: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }>;
  close: () => Promise<void>;
}

export async function localServer(port = 0): Promise<LocalServer> {
  const routes = new Map<string, Route>();
  const log: LocalServer['log'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      log.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const route = routes.get(path);
      if (route) route(req, res);
      else res.writeHead(404).end('not found');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    routes,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A route that serves `body` with a content type, an ETag, and 304 to a request that has it. */
export function serve(type: string, body: () => string): Route {
  return (req, res) => {
    const text = body();
    const etag = `"${Buffer.from(text).toString('base64url').slice(-16)}${text.length}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': type, etag }).end(text);
  };
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: string;
  description?: string;
}

export function rss(title: string, items: FeedItem[]): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${esc(title)}</title>${items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid>${esc(i.link)}</guid><pubDate>${i.pubDate}</pubDate>${i.description ? `<description>${esc(i.description)}</description>` : ''}</item>`)
    .join('')}</channel></rss>`;
}
