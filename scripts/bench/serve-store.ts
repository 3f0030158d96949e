/**
 * The server of bench:api, in a process of its own (so the load generator does not share its
 * thread): `walkback serve`'s startServer over the store named, on a free loopback port; the
 * URL goes to the parent over IPC.
 */
import { startServer } from '../../src/cli/commands/serve.js';

const server = await startServer({ db: process.argv[2]!, port: 0, uiRoot: null });
process.send!({ url: server.url });
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
