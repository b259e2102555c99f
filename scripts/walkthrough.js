// @ts-check
'use strict';
/**
 * `npm run walkthrough`: runs the fenced bash blocks of the README's "Trying it with curl", as written, in one
 * bash (`set -euo pipefail`; curl fails on an HTTP error, so a refused command or a 404 fails the run):
 *
 *   npm run walkthrough                                  a platform of its own: built dist, a free loopback
 *                                                        port, a temporary data directory, stopped at the end
 *   npm run walkthrough -- --base http://localhost:3000  yours (DATA_DIR as it has it, for npm run token)
 *   … --readme <file>                                    another copy of the README (the tests break one)
 *
 * Exits with bash's status (the failing command's), 2 when the section has fewer than two bash blocks.
 */
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { buildIfStale, SERVER_ENTRY } = require('./build-if-stale');

const ROOT = join(__dirname, '..');
const SECTION = '## Trying it with curl';
/** What bash runs before the blocks: stop at the first failure; curl's HTTP errors are failures. */
const PRELUDE = [
  'set -euo pipefail',
  'curl() { command curl --show-error --fail-with-body "$@"; }',
  // The platform under test signs with DATA_DIR's secret: tokens from an earlier shell would not do.
  'unset TOKEN_ADMIN TOKEN_COUNTY TOKEN_BROKER TOKEN_STATION TOKEN_WORKSHOP',
].join('\n');

/** The bash blocks of the README's section, in order. @param {string} markdown @returns {string[]} */
function walkthroughBlocks(markdown) {
  const start = markdown.indexOf(SECTION);
  if (start < 0) return [];
  const next = markdown.indexOf('\n## ', start + SECTION.length);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/** A free loopback port. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built platform on a free port and a temporary data directory, resolved once it printed its
 * welcome (seed loaded, ready). @returns {Promise<{ port: number, dataDir: string, stop(): Promise<void> }>}
 */
async function startOwnPlatform() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the platform was not ready in 120 s:\n${output}`)),
      120_000,
    );
    const read = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (output.includes('export TOKEN_ADMIN=')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the platform exited during start:\n${output}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { port, dataDir, stop };
}

async function main() {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, readme: { type: 'string', default: join(ROOT, 'README.md') } },
    strict: true,
  });
  const blocks = walkthroughBlocks(readFileSync(values.readme ?? '', 'utf8'));
  if (blocks.length < 2) {
    process.stderr.write(
      `walkthrough: "${SECTION}" has ${blocks.length} bash block(s), expected at least 2\n`,
    );
    return 2;
  }
  buildIfStale({ quiet: true, say: (line) => process.stderr.write(`walkthrough: ${line}\n`) });
  const own = values.base ? undefined : await startOwnPlatform();
  try {
    // The README computes BASE from PORT: the platform's port goes in as PORT, as a user's shell has it.
    const port = own ? String(own.port) : new URL(values.base ?? '').port || '80';
    const env = { ...process.env, PORT: port, ...(own ? { DATA_DIR: own.dataDir } : {}) };
    const script = [
      PRELUDE,
      ...blocks.map((b, i) => `echo "--- block ${i + 1} of ${blocks.length}" >&2\n${b}`),
    ];
    process.stderr.write(`walkthrough: ${blocks.length} blocks against http://localhost:${port}\n`);
    const result = spawnSync('bash', ['-c', script.join('\n')], { cwd: ROOT, env, stdio: 'inherit' });
    if (result.status !== 0) process.stderr.write(`walkthrough: FAILED (bash exited ${result.status})\n`);
    else process.stderr.write('walkthrough: every block ran\n');
    return result.status ?? 1;
  } finally {
    await own?.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`walkthrough: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { walkthroughBlocks };
