import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { MatchPlanStoreCloser, matchPlanStoreProvider } from './match-plan.provider';
import { MatchingController } from './matching.controller';
import { MatchingReadYourWritesInterceptor } from './matching-read-your-writes.interceptor';
import { MatchingRuntime } from './matching-runtime';

/**
 * Matching in the all-in-one platform: the in-memory matching state fed from the event store, the
 * recommendations and candidates, and the match plans (stored in `match-plans.sqlite`).
 */
@Module({
  imports: [AccessLogModule],
  controllers: [MatchingController],
  providers: [
    MatchingRuntime,
    MatchingReadYourWritesInterceptor,
    matchPlanStoreProvider,
    MatchPlanStoreCloser,
  ],
})
export class MatchingModule {}
