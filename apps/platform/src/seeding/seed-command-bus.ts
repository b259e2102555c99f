import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { householdStream, parseWorkerId } from '@contracts';
import type { ActingPrincipal } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { employerIdOf } from '@lib/domain/employers/employer.decider';
import { loadState, type EventStore } from '@lib/event-store';
import { HttpProblem } from '@lib/http';
import type { SeedTarget } from '@seeds/loader/seed-target';
import type { CommandContext } from '../command-handling/command-context';
import { RegisterEmployerCommand } from '../employers/employers.commands';
import {
  EndPlacementCommand,
  PlaceWorkerCommand,
  RecordFollowUpCommand,
} from '../placements/placements.commands';
import {
  CertifyWorkshopCommand,
  PostVacancyCommand,
  RegisterLabourStationCommand,
} from '../postings/postings.commands';
import {
  EndEmploymentReportCommand,
  RegisterHouseholdCommand,
  ReportEmploymentCommand,
} from '../workforce/workforce.commands';

/** Handlers authorise the seed loader as the admin; its events name it as a system actor. */
export const SEED_PRINCIPAL: ActingPrincipal = { sub: 'seed-loader', role: 'admin' };
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

/**
 * The worker's current employment as its household stream says (what a cadre looks up before ending it):
 * a placement ends at /v1/placements/:id/end, a reported job at /v1/employment-reports/:id/end.
 */
async function currentEmployment(store: EventStore, workerId: string) {
  const householdId = parseWorkerId(workerId)?.householdId;
  if (!householdId) throw new Error(`Not a worker id: ${workerId}`);
  const { state } = await loadState(store, householdStream(householdId), householdDecider);
  const employment =
    state.status === 'registered' ? state.workers.get(workerId)?.activeEmployment : undefined;
  if (!employment) throw new Error(`Worker ${workerId} has no employment to end`);
  return employment;
}

/**
 * The seed target on the platform's command bus: the command classes the controllers dispatch. A command
 * with an instant (`at`) runs with the clock there (its events are dated then, the deciders check its
 * business dates against it); without one, with `clock`.
 */
export function commandBusSeedTarget(
  bus: CommandBus,
  store: EventStore,
  clock: () => Date = () => new Date(),
): SeedTarget {
  const ctx = (at: string | undefined) => seedCommandContext(at === undefined ? clock() : new Date(at));
  return {
    registerLabourStation: async (body, at) =>
      (await bus.execute(new RegisterLabourStationCommand(body, ctx(at)))).stationId,
    certifyWorkshop: async (body, at) =>
      (await bus.execute(new CertifyWorkshopCommand(body, ctx(at)))).workshopId,
    registerEmployer: async (body, at) => {
      try {
        return (await bus.execute(new RegisterEmployerCommand(body, ctx(at)))).employerId;
      } catch (error) {
        // A second population (seed --force) meets the employers the first registered: the same companies.
        if (error instanceof HttpProblem && error.code === 'already_exists')
          return employerIdOf(body.creditCode);
        throw error;
      }
    },
    postVacancy: async (body, at) => (await bus.execute(new PostVacancyCommand(body, ctx(at)))).vacancyId,
    registerHousehold: async (body, at) =>
      (await bus.execute(new RegisterHouseholdCommand(body, ctx(at)))).householdId,
    reportEmployment: async (workerId, body, at) =>
      (await bus.execute(new ReportEmploymentCommand(workerId, body, ctx(at)))).employmentId,
    placeWorker: async (body, at) => (await bus.execute(new PlaceWorkerCommand(body, ctx(at)))).placementId,
    endEmployment: async (workerId, body, at) => {
      const { employmentId, kind } = await currentEmployment(store, workerId);
      await bus.execute(
        kind === 'placement'
          ? new EndPlacementCommand(employmentId, { reason: body.reason }, ctx(at))
          : new EndEmploymentReportCommand(employmentId, body, ctx(at)),
      );
    },
    recordFollowUp: async (workerId, body, at) => {
      const { employmentId, kind } = await currentEmployment(store, workerId);
      if (kind !== 'placement') throw new Error(`Worker ${workerId} holds no placement to follow up`);
      await bus.execute(new RecordFollowUpCommand(employmentId, body, ctx(at)));
    },
  };
}
