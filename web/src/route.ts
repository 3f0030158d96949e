/** Hash routes: #/path?query. Links are plain <a href="#/..."> so they work with the keyboard and in new tabs. */
export interface Route {
  parts: string[];
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2) as [string?, string?];
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && v !== 0) q.set(k, String(v));
  return `#/${path}${q.size ? `?${q}` : ''}`;
}

export const enc = encodeURIComponent;
