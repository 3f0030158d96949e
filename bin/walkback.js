#!/usr/bin/env node
// Exit codes: 0 every input analysed, 1 some inputs rejected (the rest analysed), 2 fatal.
import { run } from '../dist/src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
