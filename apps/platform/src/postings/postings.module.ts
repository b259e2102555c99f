import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { CertifyWorkshopHandler, RegisterLabourStationHandler } from './labour-station-and-workshop.handlers';
import { PostingsController } from './postings.controller';
import { ChangeVacancyHandler, PostVacancyHandler, WithdrawVacancyHandler } from './vacancy.handlers';

/** The posting commands: labour stations, workshops, vacancies. */
@Module({
  imports: [CommandHandlingModule],
  controllers: [PostingsController],
  providers: [
    RegisterLabourStationHandler,
    CertifyWorkshopHandler,
    PostVacancyHandler,
    ChangeVacancyHandler,
    WithdrawVacancyHandler,
  ],
})
export class PostingsModule {}
