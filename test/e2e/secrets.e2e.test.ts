/**
 * A platform started without secrets generates its own in DATA_DIR (0600) and `npm run token` signs with
 * them; a token signed with the public development secret is refused. (ADR 0008)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@lib/auth';
import { configFromEnv } from '../../apps/platform/src/config/platform-config';
import { createPlatformApp, type PlatformApp } from '../../apps/platform/src/create-platform-app';
import { checkedAgent, servedContract } from './helpers/checked-agent';

const ROOT = resolve(__dirname, '../..');

describe('secrets of a platform started without any', () => {
  let dataDir: string;
  let platform: PlatformApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'secrets-e2e-'));
    platform = await createPlatformApp({ ...configFromEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) });
    await platform.app.init();
  });
  afterAll(async () => {
    await platform.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps them in DATA_DIR/secrets.json, readable by its owner only', () => {
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(platform.config.jwtSecret).not.toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('accepts a token from `npm run token` on the same DATA_DIR and refuses one signed with the development secret', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: '', ID_HASH_KEY: '' };
    const run = spawnSync(
      'npm',
      ['run', '-s', 'token', '--', '--role', 'county_office', '--county', '520402'],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    const server = platform.app.getHttpServer();
    const http = checkedAgent(server, await servedContract(server));
    await http.get('/v1/counties/520402/employment').set('Authorization', `Bearer ${token}`).expect(200);
    const forged = signToken({ sub: 'x', role: 'admin' }, DEVELOPMENT_JWT_SECRET);
    await http.get('/v1/province/employment').set('Authorization', `Bearer ${forged}`).expect(401);
    // `npm run token` compiles the CLI with ts-node in a child process: well over 30 s on a loaded machine.
  }, 120_000);
});
