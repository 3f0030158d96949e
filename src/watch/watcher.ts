/**
 * One watch poll: ask each due source what it lists (conditionally), fetch each new item's
 * article, analyse what came into the store, compare the ledger with what was already reported,
 * print and store the alerts, and deliver the outbox. Every step's progress is in the store, so
 * a stopped watch resumes where it stopped: an item is fetched once, an alert is raised once.
 */
import { Readable } from 'node:stream';
import { analyzeIntoPort } from '../run-port.js';
import type { DocumentStore } from '../store/port.js';
import { InputError, printable } from '../core/message.js';
import { formatFromContentType, resolveFormat } from '../ingest/format.js';
import { textOfBytes } from '../clean/decode.js';
import { PoliteFetcher } from './polite-fetch.js';
import type { ItemRow, SourceRow, WatchStore } from './state.js';
import { itemsOf, type WatchItem } from './items.js';
import { ledgerChanges } from './changes.js';
import { deliverOutbox, alertJson } from './webhook.js';
import { backoffMs } from './backoff.js';
import type { WatchSource } from './sources.js';

export interface WatchOptions {
  /** Time between two polls of a source (ms). */
  everyMs: number;
  /** Keep only items whose title, summary or article has one of these words. */
  match?: string[];
  webhooks?: string[];
  /** Least time between two requests to one host (ms). */
  minDelayMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Worker threads for the analysis (see analyze --jobs). */
  jobs?: number;
  docTimeoutMs?: number;
  /** One alert JSON object a line. */
  out: (line: string) => void;
  /** Failures and progress, one line each. */
  log: (line: string) => void;
  /** Webhook delivery: tries per poll, first pause, first outbox wait, time-out (ms). */
  delivery?: { tries?: number; pauseMs?: number; outboxWaitMs?: number; timeoutMs?: number };
  /** A failing source's first back-off (ms), doubled per failure up to `everyMs` × 32. */
  errorBackoffMs?: number;
  signal?: AbortSignal;
}

export interface PollSummary {
  polled: number;
  failedSources: number;
  newItems: number;
  analysed: number;
  alerts: number;
  delivered: number;
}

/** An article fetch that keeps failing is given up after this many tries (its feed content, if any, is analysed instead). */
const ITEM_TRIES = 3;
const BASELINE = 'baseline';

export class Watcher {
  private readonly fetcher: PoliteFetcher;
  private readonly match: RegExp | null;
  private firstPoll = true;
  /** The sources of this run (the store may remember others from earlier runs: those are not polled). */
  private readonly urls: Set<string>;

  /** A watcher of `sources` over the store's watch state (its tables made on first use), the sources recorded. */
  static async open(store: DocumentStore, sources: WatchSource[], opts: WatchOptions): Promise<Watcher> {
    const state = (await store.watchState(true))!;
    for (const s of sources) await state.addSource(s.url, s.name);
    return new Watcher(store, state, sources, opts);
  }

  private constructor(
    private readonly store: DocumentStore,
    readonly state: WatchStore,
    sources: WatchSource[],
    private readonly opts: WatchOptions,
  ) {
    this.urls = new Set(sources.map((s) => s.url));
    this.fetcher = new PoliteFetcher({ minDelayMs: opts.minDelayMs ?? 1000, timeoutMs: opts.timeoutMs ?? 20_000, maxBytes: opts.maxBytes ?? 20 * 1024 * 1024 });
    const words = (opts.match ?? []).flatMap((w) => w.split(/[\s,]+/)).filter(Boolean);
    this.match = words.length ? new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'iu') : null;
  }

  /** One poll. `all`: every source whose back-off has passed, whatever its schedule (--once). */
  async poll(all = false): Promise<PollSummary> {
    const now = Date.now();
    if ((await this.state.meta(BASELINE)) === undefined) {
      // A store watched for the first time: what it already holds is the baseline, not news.
      await this.state.record(ledgerChanges(await this.store.loadExport(), null).keys, [], []);
      await this.state.setMeta(BASELINE, new Date(now).toISOString());
    }
    const due = (await this.mySources()).filter((s) => s.next_poll <= now && (all || !s.last_poll || Date.parse(s.last_poll) + this.opts.everyMs <= now));
    const polled = await Promise.all(due.map((s) => this.pollSource(s)));
    const items = await this.state.pendingItems(Date.now());
    const ready = (await Promise.all(items.map((it) => this.fetchItem(it)))).filter((r): r is { item: ItemRow; record: WatchItem } => r !== null);
    const analysed = await this.analyse(ready);
    const summary: PollSummary = { polled: due.length, failedSources: polled.filter((p) => p === null).length, newItems: polled.reduce<number>((n, p) => n + (p ?? 0), 0), analysed, alerts: 0, delivered: 0 };
    if (analysed > 0 || this.firstPoll) summary.alerts = await this.raiseAlerts();
    this.firstPoll = false;
    const d = this.opts.delivery ?? {};
    const sent = await deliverOutbox(this.state, { tries: d.tries ?? 3, pauseMs: d.pauseMs ?? 1000, outboxWaitMs: d.outboxWaitMs ?? 30_000, timeoutMs: d.timeoutMs ?? 10_000, signal: this.opts.signal });
    for (const line of sent.failed) this.opts.log(printable(line));
    summary.delivered = sent.delivered;
    return summary;
  }

  /** When the next source is due (ms since the epoch). */
  async nextDue(): Promise<number> {
    const next = (await this.mySources()).map((s) => Math.max(s.next_poll, s.last_poll ? Date.parse(s.last_poll) + this.opts.everyMs : 0));
    const items = (await this.state.pendingItems(Number.MAX_SAFE_INTEGER)).map((i) => i.next_try);
    return Math.min(...next, ...items, Date.now() + this.opts.everyMs);
  }

  private async mySources(): Promise<SourceRow[]> {
    return (await this.state.sources()).filter((s) => this.urls.has(s.url));
  }

  /** Poll one source; the number of new items, or null when it failed (logged, counted, backed off). */
  private async pollSource(s: SourceRow): Promise<number | null> {
    const res = await this.fetcher.get(s.url, { etag: s.etag, lastModified: s.last_modified });
    const fail = async (err: InputError, retryAt?: number): Promise<null> => {
      const wait = backoffMs(s.failures + 1, this.opts.errorBackoffMs ?? this.opts.everyMs, this.opts.everyMs * 32);
      await this.state.polled(s.url, { error: err.message }, Math.max(retryAt ?? 0, Date.now() + wait));
      this.opts.log(`walkback watch: ${err.format()} (failure ${s.failures + 1} in a row; next try in ${Math.round((Math.max(retryAt ?? 0, Date.now() + wait) - Date.now()) / 1000)} s)`);
      return null;
    };
    if (res.status === 'error') return fail(res.error, res.retryAt);
    if (res.status === 'not-modified') {
      await this.state.polled(s.url, { etag: null, lastModified: null }, 0);
      return 0;
    }
    const items = itemsOf(s.url, res);
    if (items instanceof InputError) return fail(items);
    const added = await this.state.addItems(
      s.url,
      items.map((it) => ({ url: it.url, record: JSON.stringify(it) })),
    );
    await this.state.polled(s.url, { etag: res.etag, lastModified: res.lastModified }, 0);
    return added;
  }

  /** Fetch an item's article; the record to analyse, or null (left out, waiting for another try, given up). */
  private async fetchItem(item: ItemRow): Promise<{ item: ItemRow; record: WatchItem } | null> {
    const rec = JSON.parse(item.record) as WatchItem;
    // An item fetched before a stop: its article is in the record already.
    if (item.state === 'pending' && rec.fetched) return { item, record: rec };
    const res = await this.fetcher.get(item.url);
    if (res.status !== 'ok') {
      const why = res.status === 'error' ? res.error.message : 'not modified';
      if (item.attempts + 1 < ITEM_TRIES || (res.status === 'error' && res.retryAt)) {
        await this.state.setItem(item.url, 'pending', why, Math.max(res.status === 'error' ? (res.retryAt ?? 0) : 0, Date.now() + backoffMs(item.attempts + 1, this.opts.errorBackoffMs ?? 30_000, 3_600_000)));
        this.opts.log(`walkback watch: ${printable(item.url)}: ${why} (tried ${item.attempts + 1} time(s); trying again later)`);
        return null;
      }
      if (rec.html && this.matches(rec.title, rec.html)) {
        this.opts.log(`walkback watch: ${printable(item.url)}: ${why}; analysing the feed's own text of it instead`);
        return { item, record: rec };
      }
      await this.state.setItem(item.url, 'failed', why);
      this.opts.log(`walkback watch: ${printable(item.url)}: ${why}; given up after ${item.attempts + 1} tries`);
      return null;
    }
    const format = resolveFormat(formatFromContentType(res.contentType), res.bytes);
    const body = textOfBytes(res.bytes);
    if (!this.matches(rec.title, rec.html, body)) {
      await this.state.setItem(item.url, 'skipped');
      return null;
    }
    const { html: _feedHtml, ...meta } = rec;
    const record: WatchItem = { ...meta, ...(format === 'html' ? { html: body } : { text: body }), fetched: true };
    // Kept before the analysis: a watch stopped now analyses it on restart without fetching again.
    await this.state.setRecord(item.url, JSON.stringify(record));
    return { item, record };
  }

  private matches(...texts: Array<string | undefined>): boolean {
    return !this.match || texts.some((t) => t !== undefined && this.match!.test(t));
  }

  /**
   * Analyse the fetched records into the store, as one JSON array of article records read like
   * `analyze -` reads one (one batch, one ledger rebuild); how many were new. Each record's
   * link is its document's source.
   */
  private async analyse(ready: Array<{ item: ItemRow; record: WatchItem }>): Promise<number> {
    if (!ready.length) return 0;
    const batch = Buffer.from(JSON.stringify(ready.map(({ record: { fetched: _f, ...r } }) => r)));
    const failed = new Map<string, string>();
    const summary = await analyzeIntoPort(this.store, ['-'], {
      stdin: Readable.from([batch]),
      // Each article was held to the size limit when fetched; the batch of them is not one input.
      maxBytes: batch.length,
      jobs: this.opts.jobs ?? 1,
      docTimeoutMs: this.opts.docTimeoutMs,
      onItem: (r) => {
        if (r.error) failed.set(r.error.item, r.error.message);
      },
    });
    for (const { item } of ready) {
      const why = failed.get(item.url);
      if (why) this.opts.log(`walkback watch: ${printable(item.url)}: ${printable(why)}`);
      await this.state.setItem(item.url, why ? 'failed' : 'done', why ?? null);
    }
    return summary.added;
  }

  /** Compare the ledger with what was reported; store, print and queue what is new. */
  private async raiseAlerts(): Promise<number> {
    const { keys, changes } = ledgerChanges(await this.store.loadExport(), await this.state.keys());
    const added = await this.state.record(keys, changes, this.opts.webhooks ?? []);
    const alerts = added.filter((c) => c.alert);
    for (const a of alerts) this.opts.out(`${alertJson(a.seq, a.body)}\n`);
    return alerts.length;
  }
}
