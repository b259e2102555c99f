import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { RegisterEmployerHandler } from '../employers/employer.handlers';
import { EmployersController } from '../employers/employers.controller';
import { CertifyWorkshopHandler, RegisterLabourStationHandler } from './labour-station-and-workshop.handlers';
import { PostingsController } from './postings.controller';
import { ChangeVacancyHandler, PostVacancyHandler, WithdrawVacancyHandler } from './vacancy.handlers';

/** The posting commands: labour stations, workshops, employers, vacancies. */
@Module({
  imports: [CommandHandlingModule],
  controllers: [PostingsController, EmployersController],
  providers: [
    RegisterLabourStationHandler,
    CertifyWorkshopHandler,
    PostVacancyHandler,
    ChangeVacancyHandler,
    WithdrawVacancyHandler,
    RegisterEmployerHandler,
  ],
})
export class PostingsModule {}
