import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { IdNumberHasher } from '../workforce/id-number-hasher';
import { PeopleController } from './people.controller';
import { PeopleReadYourWritesInterceptor } from './people-read-your-writes.interceptor';
import { PeopleRuntime } from './people-runtime';

/**
 * People in the all-in-one platform: household and worker profiles and their search, over the in-memory
 * people index fed from the event store (ADR 0011).
 */
@Module({
  imports: [AccessLogModule],
  controllers: [PeopleController],
  providers: [PeopleRuntime, PeopleReadYourWritesInterceptor, IdNumberHasher],
})
export class PeopleModule {}
