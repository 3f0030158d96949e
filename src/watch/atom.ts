/**
 * The alerts as an Atom feed (RFC 4287), newest first, for a feed reader or a chat tool to
 * subscribe to: each entry the alert's sentence, then each claim's evidence with its source,
 * date and URL; its link is the article that raised it.
 */
import { createHash } from 'node:crypto';
import type { ChangeRow } from './state.js';
import type { AlertBody } from './changes.js';

const esc = (s: string): string => s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]!};`);

export function alertsAtom(rows: ChangeRow[], selfUrl: string): string {
  const updated = rows[0]?.at ?? new Date(0).toISOString();
  const entries = rows.map((r) => {
    const a = JSON.parse(r.body) as AlertBody;
    const link = a.claims.at(-1)?.url;
    const lines = [a.explanation, ...a.claims.map((c) => `${c.source}${c.date ? `, ${c.date}` : ''}: "${c.evidence}" (${c.url})`)];
    return [
      '  <entry>',
      `    <id>urn:walkback:alert:${createHash('sha256').update(r.key).digest('hex').slice(0, 32)}</id>`,
      `    <title>${esc(`${a.kind}: ${a.event.label}`)}</title>`,
      `    <updated>${esc(r.at)}</updated>`,
      link && /^https?:\/\//i.test(link) ? `    <link rel="alternate" href="${esc(link)}"/>` : null,
      `    <category term="${esc(a.kind)}"/>`,
      `    <content type="text">${esc(lines.join('\n'))}</content>`,
      '  </entry>',
    ].filter((l) => l !== null).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <title>walkback alerts</title>',
    `  <id>urn:walkback:alerts</id>`,
    `  <link rel="self" href="${esc(selfUrl)}"/>`,
    `  <updated>${esc(updated)}</updated>`,
    '  <author><name>walkback</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
