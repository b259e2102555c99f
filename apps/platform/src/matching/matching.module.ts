import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { MatchPlanStoreCloser, matchPlanStoreProvider } from './match-plan.provider';
import { MatchingController } from './matching.controller';
import { MatchingReadYourWritesInterceptor } from './matching-read-your-writes.interceptor';
import { MatchingRuntime } from './matching-runtime';
import { PlanGate } from './plan-gate';

const count = (value: string | undefined, fallback: number) =>
  value !== undefined && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback;

/**
 * Matching in the all-in-one platform: the in-memory matching state fed from the event store, the
 * recommendations and candidates, and the match plans (in `match-plans.sqlite`, or PostgreSQL when the
 * deployment names it).
 */
@Module({
  imports: [AccessLogModule],
  controllers: [MatchingController],
  providers: [
    MatchingRuntime,
    MatchingReadYourWritesInterceptor,
    matchPlanStoreProvider,
    MatchPlanStoreCloser,
    {
      // MATCH_PLANS_CONCURRENT plans computed at once (default 2, the cores), MATCH_PLANS_QUEUE waiting (8).
      provide: PlanGate,
      useFactory: () =>
        new PlanGate({
          concurrent: count(process.env.MATCH_PLANS_CONCURRENT, 2),
          queue: count(process.env.MATCH_PLANS_QUEUE, 8),
        }),
    },
  ],
})
export class MatchingModule {}
