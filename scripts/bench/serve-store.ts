/**
 * The server of bench:api and bench:search, in a process of its own (so the load generator
 * does not share its thread or its memory): `walkback serve`'s startServer over the store
 * named, on a free loopback port (its response cache off with a third argument `no-cache`); the URL goes to the parent over IPC, and on the message
 * 'peak' its own peak RSS in MB (the server's alone, whatever the load generator holds).
 */
import { startServer } from '../../src/cli/commands/serve.js';

// A third argument 'no-cache': every answer computed (the response cache off).
const server = await startServer({ db: process.argv[2]!, port: 0, uiRoot: null, ...(process.argv[3] === 'no-cache' ? { responseCacheBytes: 0 } : {}) });
process.send!({ url: server.url });
process.on('message', (m) => {
  if (m === 'peak') process.send!({ peakMb: process.resourceUsage().maxRSS / 1024 });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
