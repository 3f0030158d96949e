import { writeFileSync } from 'node:fs';
import { startCluster } from '../test/helpers/pg-cluster.js';
const c = (await startCluster())!;
writeFileSync('/tmp/pg2keep/url', c.url);
process.on('SIGTERM', () => { c.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
