import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@lib/auth';
import { ApiDoc, ZodParams, type HttpRequest, type HttpResponse } from '@lib/http';
import { MonitorFeed } from './monitor-feed';
import { AccessLog } from '../access-log/access-log.service';
import { CountyChangeFeed, type CountyUpdate } from './county-change-feed';
import { MonitorQueries } from './monitor-queries';
import { MONITOR_OPTIONS, type MonitorOptions } from './monitor-options';
import { ownCounty, regionCodeParams } from './region-codes';

/** One server-sent event: its name, id (the position) and JSON data. */
const sse = (event: string, id: string, data: unknown): string =>
  `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * GET /v1/counties/:code/employment/stream: server-sent events for a county's dashboard. On connect a
 * `snapshot` (the figures), then a `change` after every committed change of the county (the figures and
 * the cases it opened or cleared, by household id), and a comment line every 15 s so idle connections
 * survive proxies. A reconnect with `Last-Event-ID` (the position of the last event seen) gets, instead of the
 * snapshot, one `change` with the figures now and every case opened or cleared since that position. The
 * stream ends (`event: token_expired`) when the token does. The token may come as `?access_token=` (see
 * stream-token.middleware.ts).
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
    responses: { 200: { description: 'The events', contentType: 'text/event-stream' } },
  })
  async stream(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @CurrentPrincipal() principal: Principal,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    const code = ownCounty(params.code, principal, 'Only the county’s own office follows its stream');

    // Subscribe before reading the snapshot, so no change falls between the two; updates the snapshot
    // already holds are dropped by position.
    const queued: CountyUpdate[] = [];
    let sentUpTo: bigint | undefined;
    let closed = false;
    // Each change is written once its read is in the access log; one after the other, so they leave in order.
    // A read that cannot be logged is not sent: the stream ends.
    let delivered = Promise.resolve();
    const deliver = (write: () => Promise<void>): void => {
      delivered = delivered.then(write).catch(() => {
        cleanup();
        res.end();
      });
    };
    const send = (update: CountyUpdate): void => {
      if (sentUpTo === undefined) {
        queued.push(update);
        return;
      }
      if (update.position <= sentUpTo) return;
      const cases = update.cases.filter((c) => BigInt(c.position) > (sentUpTo as bigint));
      sentUpTo = update.position;
      const position = update.position.toString();
      deliver(async () => {
        if (cases.length > 0) {
          await this.accessLog.record(
            principal,
            {
              resource: 'county_employment_stream',
              subjectIds: cases.map((c) => c.householdId),
              scope: code,
            },
            req.correlationId,
          );
        }
        if (!closed)
          res.write(sse('change', position, { figures: { ...update.figures, position }, cases, position }));
      });
    };
    const unsubscribe = this.feed.subscribe(code, send);

    const position = this.runner.position();
    const lastSeen = lastEventIdOf(req, position);
    let figures;
    let missed: Awaited<ReturnType<CountyChangeFeed['caseChanges']>> = [];
    try {
      figures = await this.queries.regionEmployment('county', code);
      if (lastSeen !== undefined) missed = await this.feed.caseChanges(code, lastSeen, position);
      // What happened while the client was away is logged before anything is written: a failure is still
      // answered as an error.
      if (missed.length > 0) {
        await this.accessLog.record(
          principal,
          { resource: 'county_employment_stream', subjectIds: missed.map((c) => c.householdId), scope: code },
          req.correlationId,
        );
      }
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
    const now = position.toString();
    if (lastSeen === undefined) {
      res.write(sse('snapshot', now, { figures: { ...figures, position: now } }));
    } else {
      // What happened while the client was away: the figures now and every case since its last event.
      res.write(sse('change', now, { figures: { ...figures, position: now }, cases: missed, position: now }));
    }
    sentUpTo = position;
    queued.splice(0).forEach(send);

    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.options.heartbeatMs);
    // The token's end is the stream's: it must not outlive what authorised it.
    // After the changes already on their way, so its id is the last one the client got.
    const cancelExpiry = atTime(req.tokenExpiresAt ?? Date.now(), () =>
      deliver(async () => {
        if (closed) return;
        res.write(sse('token_expired', sentUpTo?.toString() ?? now, { message: 'The token has expired' }));
        cleanup();
        res.end();
      }),
    );
    const cleanup = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      cancelExpiry();
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

/** The position a reconnecting client saw last (`Last-Event-ID`), when it is one and not ahead of us. */
function lastEventIdOf(req: HttpRequest, position: bigint): bigint | undefined {
  const header = req.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,19}$/.test(value)) return undefined;
  const seen = BigInt(value);
  return seen <= position ? seen : undefined;
}

/** Node fires a timer of more than 2^31-1 ms (about 24.8 days) after 1 ms; a longer wait is taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Calls `fire` once at the epoch milliseconds `at` (at once if that is past); returns the cancel. */
export function atTime(at: number, fire: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = at - Date.now();
    timer = left > LONGEST_TIMER_MS ? setTimeout(arm, LONGEST_TIMER_MS) : setTimeout(fire, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(timer);
}
