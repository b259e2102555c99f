import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DashboardController, WEB_DIRECTORY } from './dashboard.controller';
import { resolveWebDirectory } from './web-directory';

describe('DashboardController', () => {
  let app: INestApplication;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'dashboard-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
    writeFileSync(join(webDir, '.secret'), 'no');
    const moduleRef = await Test.createTestingModule({
      controllers: [DashboardController],
      providers: [{ provide: WEB_DIRECTORY, useValue: webDir }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/county/520402',
    '/household/abc',
    '/worker/abc.1',
    '/vacancy/v-1',
    '/search?q=wxy',
    '/import',
    '/training',
    '/training/5e0d4c3b-2a19-4f08-9e7d-6c5b4a392817',
  ])('answers %s with index.html, revalidated every time', async (path) => {
    const res = await request(app.getHttpServer()).get(path).expect(200);
    expect(res.text).toContain('id="root"');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a one-year immutable cache', async () => {
    const res = await request(app.getHttpServer()).get('/assets/index-AbCd1234.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses missing files, dot files and paths that climb out', async () => {
    await request(app.getHttpServer()).get('/assets/missing-AbCd1234.js').expect(404);
    await request(app.getHttpServer()).get('/assets/..%2Findex.html').expect(404);
    await request(app.getHttpServer()).get('/assets/.secret').expect(404);
  });

  it('does not answer API paths (no catch-all)', async () => {
    await request(app.getHttpServer()).get('/v1/counties/520402/employment').expect(404);
  });
});

describe('resolveWebDirectory', () => {
  it('takes WEB_DIR first', () => {
    expect(resolveWebDirectory({ WEB_DIR: '/tmp/x' })).toBe('/tmp/x');
  });
  it('falls back to dist/web at the repository root from the source folder', () => {
    const here = join('/repo', 'apps/platform/src/dashboard');
    expect(resolveWebDirectory({}, here)).toBe(join('/repo', 'dist/web'));
  });
});
