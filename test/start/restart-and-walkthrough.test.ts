import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@lib/testing';

/**
 * `npm start` as a user runs it (scripts/start.js: build what is stale, then the built platform), twice on
 * one data directory, on a loopback port: the second start builds nothing and is ready soon; the welcome is
 * the last thing printed; SIGTERM says it stopped. Against the second, the README's curl walkthrough runs
 * as written (scripts/walkthrough.js), and a README with a broken block fails it. Every process started
 * here is stopped by its PID.
 */
const ROOT = join(__dirname, '..', '..');
const READY_MS = 180_000;
jest.setTimeout(600_000);

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  readonly readyMs: number;
  output(): string;
  stop(): Promise<string>;
}

async function start(dataDir: string): Promise<Started> {
  const port = await freePort();
  const began = Date.now();
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, RATE_LIMIT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    return output;
  };
  const deadline = began + READY_MS;
  // Ready once the welcome's last line is out (the seed is loaded before it).
  while (!/export TOKEN_ADMIN=.*\n[\s\S]*curl -s /.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the platform did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, readyMs: Date.now() - began, output: () => output, stop };
}

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm start twice on one data directory, and the README walkthrough', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'restart-'));
  const started: Started[] = [];

  afterAll(async () => {
    for (const s of started) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts (building what is stale), prints the welcome last, and says it stopped', async () => {
    const first = await start(dataDir);
    started.push(first);
    await new Promise((r) => setTimeout(r, 500));
    const beforeStop = first.output();
    expect(beforeStop).toContain('First start: loading the');
    // Nothing after the welcome's example curl line: the start-up logs came before it.
    expect(beforeStop.trimEnd().split('\n').pop()).toMatch(/^curl -s http:\/\/localhost:\d+\/v1\/counties\//);
    const all = await first.stop();
    expect(all.slice(beforeStop.length)).toMatch(/"msg":"Platform stopped \(SIGTERM\)"/);
    expect(first.child.exitCode).toBe(0);
  });

  let second: Started;

  it('starts again without building anything, ready in seconds', async () => {
    second = await start(dataDir);
    started.push(second);
    const output = second.output();
    expect(output).toMatch(/^build: service and dashboard up to date \(\d+ ms\)$/m);
    expect(output).not.toMatch(/built (service|dashboard)|vite v|tsc/);
    // The data are there already: no seed on a restart.
    expect(output).not.toContain('First start: loading the');
    console.log(`second start ready after ${second.readyMs} ms`);
    expect(second.readyMs).toBeLessThan(30_000);
  });

  it('signs a one-county broker token with npm run token, compiled, that the platform accepts', async () => {
    const token = run(['scripts/token.js', '--role', 'county_office', '--county', '520402'], {
      DATA_DIR: dataDir,
    });
    expect(token.status).toBe(0);
    expect(token.stderr).toBe('');
    const broker = run(['scripts/token.js', '--role', 'broker', '--county', '520402'], { DATA_DIR: dataDir });
    expect(broker.status).toBe(0);
    const claims = JSON.parse(Buffer.from(broker.stdout.trim().split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ role: 'broker', counties: ['520402'] });
    const res = await fetch(`http://127.0.0.1:${second.port}/v1/counties/520402/employment`, {
      headers: { Authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(res.status).toBe(200);
  });

  it('fails the walkthrough when a README block fails', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const broken = join(dataDir, 'README.broken.md');
    // The first command's path, misspelt: a 404 (and nothing registered, so the real run below is unaffected).
    expect(readme).toContain('$BASE/v1/labour-stations');
    writeFileSync(broken, readme.replace('$BASE/v1/labour-stations', '$BASE/v1/labour-statio'));
    const result = run(
      ['scripts/walkthrough.js', '--base', `http://localhost:${second.port}`, '--readme', broken],
      { DATA_DIR: dataDir },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/404|walkthrough: FAILED/);
  });

  it('runs the README walkthrough as written against it, with its PORT', () => {
    const result = run(['scripts/walkthrough.js', '--base', `http://localhost:${second.port}`], {
      DATA_DIR: dataDir,
    });
    if (result.status !== 0) console.log(result.stdout, result.stderr);
    expect(result.stderr).toMatch(/walkthrough: \d+ blocks against/);
    expect(result.stderr).toContain('walkthrough: every block ran');
    expect(result.status).toBe(0);
    // The case read with the registration's own position was there (a 404 would have stopped the run).
    expect(result.stdout).toMatch(/"caseId":"[^"]+:1","caseNo":1,[^]*"lastAction":"opened"/);
    expect(result.stdout).toMatch(/"caseId":"[^"]+:2","caseNo":2/);
  });
});
