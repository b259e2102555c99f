import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPlatformApp } from '../../apps/platform/src/create-platform-app';
import { seedPlatform } from '../../apps/platform/src/seeding/seed-platform';
import { labourStationBody, vacancyBody } from '../e2e/helpers/fixtures';
import { testTokens, type TestTokens } from '../e2e/helpers/test-tokens';

/**
 * The dashboard's browser tests share this: the page built with Vite, the real platform on a temporary
 * directory with the demo seed, and Debian's Chromium (headless, nothing fetched from outside the platform).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '../..');
export const COUNTY = '520402';
const SECRET = 'browser-test-secret-0123456789abcdef';

// CI installs Chromium (.ci/run) and must run these tests, so there a missing browser fails. On a developer's
// machine without it, the suites say why they do not run instead of failing the whole `npm test`.
export const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing && process.env.CI) {
  throw new Error(
    `${CHROMIUM} is missing: the dashboard browser tests need it (apt-get install -y chromium).`,
  );
}
if (chromiumMissing) {
  console.warn(`Dashboard browser tests not run: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

export interface BrowserPlatform {
  readonly base: string;
  readonly tokens: TestTokens;
  api<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  /** A new tab, as a county office in Guizhou has it: Chinese, China's time, only the platform reachable. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Polls `read` until `ok` (20 s at most). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startBrowserPlatform(): Promise<BrowserPlatform> {
  const webDir = mkdtempSync(join(tmpdir(), 'dashboard-web-'));
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/platform/web/vite.config.mts',
      '--outDir',
      webDir,
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  process.env.WEB_DIR = webDir;

  const dataDir = mkdtempSync(join(tmpdir(), 'dashboard-data-'));
  let app: NestExpressApplication | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    delete process.env.WEB_DIR;
    for (const dir of [webDir, dataDir]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    ({ app } = await createPlatformApp({
      dataDir,
      jwtSecret: SECRET,
      idHashKey: 'browser-test-id-hash-key-0123',
      logLevel: 'silent',
      rateLimit: { enabled: false },
    }));
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await seedPlatform(app, { scale: 'demo' });

    const launched = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    browser = launched;

    const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
      const res = await fetch(base + path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return JSON.parse(text) as T;
    };
    const newPage = async (viewport: { width: number; height: number }) => {
      const context = await launched.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      // Nothing may come from outside the platform (no CDN, no web fonts).
      await page.route('**/*', (route) =>
        route.request().url().startsWith(base) ? route.continue() : route.abort('blockedbyclient'),
      );
      return page;
    };
    return { base, tokens: testTokens(SECRET), api, newPage, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Signs in on the page's form with a pasted token. */
export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(base + '/');
  await page.fill('#token', token);
  await page.click('form button[type=submit]');
}

/**
 * What of the page reaches past the viewport's right edge (a phone would cut it off, or hide it behind a
 * sideways scroll): the page itself, or any element of <main> but the charts' canvases. Run in the page (a
 * string: this project's TypeScript has no DOM types).
 */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push('page: ' + document.documentElement.scrollWidth + ' px');
  for (const el of document.querySelectorAll('main *')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5 && !el.closest('canvas, .chart')) {
      out.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + (el.textContent || '').slice(0, 20) + '" ends at ' + Math.round(box.right));
    }
  }
  return out.slice(0, 10);
})()`;

export const overflowsRight = (page: Page): Promise<string[]> => page.evaluate(OVERFLOW);

/** A labour station registered by the admin, and one vacancy it posts (the fixtures' bodies). */
export async function postStationVacancy({
  api,
  tokens,
}: Pick<BrowserPlatform, 'api' | 'tokens'>): Promise<{ stationId: string; vacancyId: string }> {
  const { stationId } = await api<{ stationId: string }>(
    'POST',
    '/v1/labour-stations',
    tokens.admin(),
    labourStationBody(),
  );
  const { vacancyId } = await api<{ vacancyId: string }>(
    'POST',
    '/v1/vacancies',
    tokens.station(stationId),
    vacancyBody({ type: 'labour_station', id: stationId }),
  );
  return { stationId, vacancyId };
}
