import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@lib/auth';
import { ApiDoc, HttpProblem } from '@lib/http';

/** The parts of Express's response used here (the project has no @types/express). */
interface FileResponse extends ServerResponse {
  status(code: number): this;
  type(contentType: string): this;
  send(body: string): this;
  sendFile(path: string): void;
}

export const WEB_DIRECTORY = 'DASHBOARD_WEB_DIRECTORY';

/** Vite names built assets by content hash: a file's name changes whenever it does. */
const HASHED_ASSET = /^[\w-]+-[\w-]{8,}\.(js|css|svg|png|woff2?)$/;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The county dashboard (apps/platform/web, built by `npm run build:web`): index.html at `/` and at the
 * page's own addresses (the SPA fallback, listed rather than a catch-all so no API route is shadowed),
 * hashed assets with a long immutable cache. Public: the page holds no data, the API checks the token.
 */
@Public()
@Controller()
export class DashboardController {
  constructor(@Inject(WEB_DIRECTORY) private readonly webDir: string) {}

  @Get([
    '/',
    'county/*path',
    'household/*path',
    'worker/*path',
    'vacancy/*path',
    'search',
    'import',
    'subsidies',
    'reports',
    'reports/*path',
    'training',
    'training/*path',
  ])
  @ApiDoc({
    summary: 'The county dashboard (HTML; Chinese first, English toggle)',
    tags: ['dashboard'],
    responses: {
      200: { description: 'index.html', contentType: 'text/html' },
      503: { description: 'Not built yet', contentType: 'text/plain' },
    },
  })
  page(@Res() res: FileResponse): void {
    const index = join(this.webDir, 'index.html');
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The dashboard is not built: run `npm run build:web` (the API under /v1 works without it).');
      return;
    }
    // The page names its assets by hash, so the page itself must always be revalidated.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  }

  @Get('assets/:file')
  @ApiDoc({
    summary: "The dashboard's scripts and styles",
    tags: ['dashboard'],
    responses: {
      200: { description: 'The file; hashed names are cached for a year', contentType: '*/*' },
    },
  })
  asset(@Param('file') file: string, @Res() res: FileResponse): void {
    const path = join(this.webDir, 'assets', file);
    // Only plain names (no separators, no dot-dot) of files that exist.
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.') || !existsSync(path)) {
      throw new HttpProblem(404, 'not_found', 'No such asset');
    }
    res.setHeader(
      'Cache-Control',
      HASHED_ASSET.test(file) ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache',
    );
    res.sendFile(path);
  }
}
