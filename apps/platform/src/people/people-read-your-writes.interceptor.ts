import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { HttpProblem, type HttpRequest } from '@lib/http';
import { monitorOptionsFromEnv } from '../monitor/monitor-options';
import { minPositionOf } from '../monitor/read-your-writes.interceptor';
import { PeopleRuntime } from './people-runtime';

/**
 * `X-Min-Position` for profiles and search: answer once the people index has applied the position, else 503
 * `not_ready` with `Retry-After` after the wait (5 s, `MIN_POSITION_TIMEOUT_MS`).
 */
@Injectable()
export class PeopleReadYourWritesInterceptor implements NestInterceptor {
  private readonly options = monitorOptionsFromEnv(process.env);

  constructor(private readonly runtime: PeopleRuntime) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const position = minPositionOf(context.switchToHttp().getRequest<HttpRequest>());
    if (position !== undefined) {
      const reached = await this.runtime.index.waitFor(position, this.options.minPositionTimeoutMs);
      if (!reached) {
        const at = this.runtime.index.position().toString();
        throw new HttpProblem(
          503,
          'not_ready',
          `The people index has not reached position ${position} yet (it is at ${at})`,
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
