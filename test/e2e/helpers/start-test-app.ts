import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ModuleImport } from '../../../apps/platform/src/app.module';
import type { PlatformConfig } from '../../../apps/platform/src/config/platform-config';
import { createPlatformApp, type PlatformAppOptions } from '../../../apps/platform/src/create-platform-app';
import { checkedAgent, servedContract, type Agent } from './checked-agent';
import { testTokens, type TestTokens } from './test-tokens';

export const TEST_JWT_SECRET = 'test-secret-for-e2e-only-0123456789abcdef';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  /**
   * supertest bound to the app's server: `http.get('/health')`. Every answer is checked against the OpenAPI
   * document the app serves (status documented, body conforming) before the test's own expectations.
   */
  readonly http: Agent;
  readonly tokens: TestTokens;
  readonly dataDir: string;
  /** Closes the app (stores, server) and removes the data directory unless it was given. */
  close(): Promise<void>;
}

export interface StartTestAppOptions extends Partial<Omit<PlatformAppOptions, 'modules'>> {
  /** Capability modules under test, or test-only modules with controllers. */
  readonly modules?: readonly ModuleImport[];
}

/**
 * The real platform on a temporary SQLite directory, silent, without rate limits, ready for requests.
 * Pass `dataDir` to reopen a directory (restart tests); it is then kept on close.
 */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const jwtSecret = options.jwtSecret ?? TEST_JWT_SECRET;
  const { app, config } = await createPlatformApp({
    logLevel: 'silent',
    idHashKey: 'test-id-hash-key-0123456789',
    ...options,
    rateLimit: options.rateLimit ?? { enabled: false },
    dataDir,
    jwtSecret,
  });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    http: checkedAgent(server, await servedContract(server)),
    tokens: testTokens(jwtSecret),
    dataDir,
    async close() {
      await app.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
