import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { HttpProblem, type HttpRequest } from '@lib/http';
import { monitorOptionsFromEnv } from '../monitor/monitor-options';
import { minPositionOf } from '../monitor/read-your-writes.interceptor';
import { MatchingRuntime } from './matching-runtime';

/**
 * `X-Min-Position` for the matching queries (README, read-your-writes): answer once the matching state has applied the
 * position, else 503 `not_ready` with `Retry-After` after the wait (5 s, `MIN_POSITION_TIMEOUT_MS`).
 */
@Injectable()
export class MatchingReadYourWritesInterceptor implements NestInterceptor {
  private readonly options = monitorOptionsFromEnv(process.env);

  constructor(private readonly runtime: MatchingRuntime) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const position = minPositionOf(context.switchToHttp().getRequest<HttpRequest>());
    if (position !== undefined) {
      const reached = await this.runtime.state.waitFor(position, this.options.minPositionTimeoutMs);
      if (!reached) {
        const at = this.runtime.state.position().toString();
        throw new HttpProblem(
          503,
          'not_ready',
          `The matching state has not reached position ${position} yet (it is at ${at})`,
          {
            headers: { 'Retry-After': String(this.options.retryAfterSeconds) },
            details: { minPosition: position.toString(), position: at },
          },
        );
      }
    }
    return next.handle();
  }
}
