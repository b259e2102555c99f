import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLog } from './access-log.service';

/** The append-only log of personal data reads (`access-log.sqlite`); global so any query module records into it. */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLog],
  exports: [AccessLog],
})
export class AccessLogModule {}
