import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { HttpProblem, type HttpRequest } from '@lib/http';
import type { EventStore } from '@lib/event-store';
import { MonitorFeed } from './monitor-feed';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MONITOR_OPTIONS, type MonitorOptions } from './monitor-options';

export const MIN_POSITION_HEADER = 'x-min-position';

/** The header's position, undefined when absent; 400 when it is not a decimal position. */
export function minPositionOf(req: HttpRequest): bigint | undefined {
  const raw = req.headers[MIN_POSITION_HEADER];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d{1,30}$/.test(value.trim())) {
    throw new HttpProblem(400, 'validation_failed', 'X-Min-Position must be a decimal position', {
      issues: [{ path: 'X-Min-Position', message: 'a decimal position, as commands answer it' }],
    });
  }
  return BigInt(value.trim());
}

/**
 * Read-your-writes: a query given `X-Min-Position: <position>` runs only once the projections
 * have applied that position; after the configured wait (5 s) it answers 503 `not_ready` with
 * `Retry-After`, so a client never mistakes a stale answer for the result of its own command.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly runner: MonitorFeed,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(MONITOR_OPTIONS) private readonly options: MonitorOptions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const position = minPositionOf(context.switchToHttp().getRequest<HttpRequest>());
    if (position !== undefined) await this.waitFor(position);
    return next.handle();
  }

  /**
   * Waits for `position`, then for the head of the log as it is at that moment. The second wait is what
   * makes a command's CONSEQUENCES readable too: the zero-employment case a registration opens is appended
   * by the projections' process manager after the batch holding the registration commits (and before the
   * runner reports that batch), so it lies beyond the command's position but before that head.
   */
  async waitFor(position: bigint): Promise<void> {
    const deadline = Date.now() + this.options.minPositionTimeoutMs;
    let reached = await this.runner.waitFor(position, this.options.minPositionTimeoutMs);
    if (reached) {
      const head = await this.events.headPosition();
      reached = await this.runner.waitFor(head, Math.max(1, deadline - Date.now()));
    }
    if (!reached) {
      throw new HttpProblem(
        503,
        'not_ready',
        `The read side has not reached position ${position} yet (it is at ${this.runner.position()})`,
        {
          headers: { 'Retry-After': String(this.options.retryAfterSeconds) },
          details: { minPosition: position.toString(), position: this.runner.position().toString() },
        },
      );
    }
  }
}
