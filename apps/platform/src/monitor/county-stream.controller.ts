import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, isCountyOffice, requireScope, Roles, type Principal } from '@lib/auth';
import { ApiDoc, ZodParams, type HttpRequest, type HttpResponse } from '@lib/http';
import { MonitorFeed } from './monitor-feed';
import { AccessLog } from '../access-log/access-log.service';
import { CountyChangeFeed, type CountyUpdate } from './county-change-feed';
import { MonitorQueries } from './monitor-queries';
import { MONITOR_OPTIONS, type MonitorOptions } from './monitor-options';
import { requireCounty } from './region-codes';

const codeParams = z.object({ code: z.string().max(20) }).strict();

/** One server-sent event: its name, id (the position) and JSON data. */
const sse = (event: string, id: string, data: unknown): string =>
  `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * GET /v1/counties/:code/employment/stream: server-sent events for a county's dashboard. On connect a
 * `snapshot` (the figures), then a `change` after every committed change of the county (the figures and
 * the cases it opened or cleared, by household id), and a comment line every 15 s so idle connections
 * survive proxies. The token may come as `?access_token=` (see stream-token.middleware.ts).
 */
@Controller('v1/counties')
export class CountyStreamController {
  constructor(
    private readonly queries: MonitorQueries,
    private readonly runner: MonitorFeed,
    private readonly feed: CountyChangeFeed,
    private readonly accessLog: AccessLog,
    @Inject(MONITOR_OPTIONS) private readonly options: MonitorOptions,
  ) {}

  @Get(':code/employment/stream')
  @Roles('admin', 'county_office')
  @ApiDoc({
    summary:
      'Server-sent events: the county’s figures on connect, then on every change (with cases opened/cleared)',
    description:
      'Events `snapshot` and `change` (id = position); `: heartbeat` comments every 15 s. EventSource cannot send ' +
      'headers, so this route (only this one) also accepts the token as `?access_token=`.',
    tags: ['monitor'],
    responses: { 200: { description: 'text/event-stream' } },
  })
  async stream(
    @ZodParams(codeParams) params: z.infer<typeof codeParams>,
    @CurrentPrincipal() principal: Principal,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    const code = requireCounty(params.code);
    requireScope(isCountyOffice(principal, code), 'Only the county’s own office follows its stream');

    // Subscribe before reading the snapshot, so no change falls between the two; updates the snapshot
    // already holds are dropped by position.
    const queued: CountyUpdate[] = [];
    let sentUpTo: bigint | undefined;
    const send = (update: CountyUpdate): void => {
      if (sentUpTo === undefined) {
        queued.push(update);
        return;
      }
      if (update.position <= sentUpTo) return;
      const cases = update.cases.filter((c) => BigInt(c.position) > (sentUpTo as bigint));
      sentUpTo = update.position;
      const position = update.position.toString();
      if (cases.length > 0) {
        this.accessLog.record(
          principal,
          { resource: 'county_employment_stream', subjectIds: cases.map((c) => c.householdId), scope: code },
          req.correlationId,
        );
      }
      res.write(sse('change', position, { figures: { ...update.figures, position }, cases, position }));
    };
    const unsubscribe = this.feed.subscribe(code, send);

    const position = this.runner.position();
    let figures;
    try {
      figures = await this.queries.regionEmployment('county', code);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.write(
      sse('snapshot', position.toString(), { figures: { ...figures, position: position.toString() } }),
    );
    sentUpTo = position;
    queued.splice(0).forEach(send);

    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.options.heartbeatMs);
    let closed = false;
    const cleanup = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      forgetShutdown();
    };
    const forgetShutdown = this.feed.onShutdown(() => {
      cleanup();
      res.end();
    });
    req.on('close', cleanup);
  }
}
