/**
 * The CLI in a child process of its own (node --import tsx), for tests of what several
 * processes do to one store. Two test-only hooks, set by environment, widen or cut the
 * moment between reading the documents for the ledger and writing it:
 *   WB_TEST_PAUSE_AFTER_LEDGER_READ=MS  sleep that long once the ledger's documents are read
 *   WB_TEST_KILL_AT_LEDGER_READ=1       kill -9 this process there (an interrupted analyze)
 */
import { run } from '../../src/cli/main.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const pause = Number(process.env.WB_TEST_PAUSE_AFTER_LEDGER_READ ?? 0);
const kill = process.env.WB_TEST_KILL_AT_LEDGER_READ === '1';
if (pause > 0 || kill) {
  const read = SqliteStore.prototype.loadLedgerInputs;
  SqliteStore.prototype.loadLedgerInputs = function (this: SqliteStore) {
    const docs = read.call(this);
    if (kill) process.kill(process.pid, 'SIGKILL');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    return docs;
  };
}
process.exitCode = await run(process.argv.slice(2));
