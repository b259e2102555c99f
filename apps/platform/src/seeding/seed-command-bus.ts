import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/auth';
import type { SeedTarget } from '@seeds/loader/seed-target';
import type { CommandContext } from '../command-handling/command-context';
import {
  CertifyWorkshopCommand,
  PostVacancyCommand,
  RegisterLabourStationCommand,
} from '../postings/postings.commands';
import { RegisterHouseholdCommand, ReportEmploymentCommand } from '../workforce/workforce.commands';

/** Handlers authorise the seed loader as the admin; its events name it as a system actor. */
export const SEED_PRINCIPAL: Principal = { sub: 'seed-loader', role: 'admin' };
export const SEED_ACTOR = { id: 'seed-loader', role: 'system' } as const;

/** What HTTP's CommandCtx builds for a request, built for one seed command: its own correlation, now. */
export function seedCommandContext(now: Date = new Date()): CommandContext {
  const correlationId = randomUUID();
  const at = now.toISOString();
  return {
    principal: SEED_PRINCIPAL,
    now: at,
    metadata: { actor: SEED_ACTOR, correlationId, causationId: correlationId, now: at },
  };
}

/** The seed target on the platform's command bus: the command classes the controllers dispatch. */
export function commandBusSeedTarget(bus: CommandBus, clock: () => Date = () => new Date()): SeedTarget {
  const ctx = () => seedCommandContext(clock());
  return {
    registerLabourStation: async (body) =>
      (await bus.execute(new RegisterLabourStationCommand(body, ctx()))).stationId,
    certifyWorkshop: async (body) => (await bus.execute(new CertifyWorkshopCommand(body, ctx()))).workshopId,
    postVacancy: async (body) => (await bus.execute(new PostVacancyCommand(body, ctx()))).vacancyId,
    registerHousehold: async (body) =>
      (await bus.execute(new RegisterHouseholdCommand(body, ctx()))).householdId,
    reportEmployment: async (workerId, body) =>
      (await bus.execute(new ReportEmploymentCommand(workerId, body, ctx()))).employmentId,
  };
}
