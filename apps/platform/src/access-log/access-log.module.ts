import { Global, Module } from '@nestjs/common';
import { accessLogStoreProvider } from './access-log-store.provider';
import { AccessLogController } from './access-log.controller';
import { AccessLog } from './access-log.service';

/**
 * The append-only log of personal data reads (`access-log.sqlite`, or PostgreSQL when the deployment names
 * it); global so any query module records into it.
 */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [accessLogStoreProvider, AccessLog],
  exports: [AccessLog],
})
export class AccessLogModule {}
