// @ts-check
'use strict';
/**
 * `npm start`: builds what changed since the last build (scripts/build-if-stale.js: nothing on a plain
 * restart, everything on a fresh clone), then runs the built platform in this same process, so Ctrl-C
 * and SIGTERM reach it directly.
 */
const { buildIfStale, SERVER_ENTRY } = require('./build-if-stale');

buildIfStale({ web: true, say: (line) => process.stderr.write(`${line}\n`) });
require(SERVER_ENTRY);
