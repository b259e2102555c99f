// @ts-check
'use strict';
/**
 * `npm run -s token -- --role …`: the token CLI (apps/platform/src/token.cli.ts) compiled. The service is
 * built first when its sources changed since the last build (quietly: one line on stderr, the compiler's
 * output only if it fails), so the token printed on stdout is alone and is signed by the current code.
 */
const { join } = require('node:path');
const { buildIfStale } = require('./build-if-stale');

buildIfStale({
  quiet: true,
  say: (line) => {
    if (!line.includes('up to date')) process.stderr.write(`${line}\n`);
  },
});
require(join(__dirname, '..', 'dist', 'apps', 'platform', 'src', 'token.cli.js')).main(process.argv.slice(2));
