import { Module } from '@nestjs/common';
import { DashboardController, WEB_DIRECTORY } from './dashboard.controller';
import { resolveWebDirectory } from './web-directory';

/** Serves the built county dashboard at `/`. */
@Module({
  controllers: [DashboardController],
  providers: [{ provide: WEB_DIRECTORY, useFactory: () => resolveWebDirectory() }],
})
export class DashboardModule {}
