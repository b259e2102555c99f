import { runUnderClaims, type ClaimedCommand, type ClaimedOutcome } from '@lib/application';
import type { RegisterHousehold } from '@lib/domain/workforce/household.commands';
import type { EventStore } from '@lib/event-store';
import type { AccessLog } from '../access-log/access-log.service';
import type { CommandContext } from '../command-handling/command-context';

/** A household to register: its id (chosen by the caller) and what RegisterHousehold records. */
export type HouseholdRegistration = Pick<
  RegisterHousehold,
  'householdId' | 'countyCode' | 'relocationSiteId' | 'address' | 'members'
>;

/**
 * The registration of one household under claims on its members (ADR 0004), as POST /v1/households and the
 * ledger import both run it. Not yet run: the import checks it before running it (all_or_nothing).
 */
export function registrationUnderClaims(
  store: EventStore,
  { householdId, countyCode, relocationSiteId, address, members }: HouseholdRegistration,
  { now, metadata }: CommandContext,
): ClaimedCommand {
  return {
    store,
    householdId,
    idNumberHashes: [...new Set(members.map((m) => m.idNumberHash))],
    now,
    metadata,
    commandFor: (claims) => ({
      type: 'RegisterHousehold',
      householdId,
      countyCode,
      relocationSiteId,
      ...(address === undefined ? {} : { address }),
      members,
      claimRevisions: claims,
      now,
    }),
  };
}

/** Registers the household; a refusal is the outcome's, for the caller to answer. */
export function registerHousehold(
  store: EventStore,
  accessLog: AccessLog,
  registration: HouseholdRegistration,
  ctx: CommandContext,
): Promise<ClaimedOutcome> {
  return runLoggingRefusal(accessLog, registrationUnderClaims(store, registration, ctx), ctx);
}

/**
 * Runs a command under claims. A person registered in another household is refused without naming it; the
 * attempt goes to the access log, where the admin sees which household holds the person.
 */
export async function runLoggingRefusal(
  accessLog: AccessLog,
  command: ClaimedCommand,
  { principal }: CommandContext,
): Promise<ClaimedOutcome> {
  const outcome = await runUnderClaims(command);
  if (!outcome.ok && outcome.rejection.code === 'person_already_registered') {
    await logRegisteredElsewhere(accessLog, outcome.rejection.details, principal);
  }
  return outcome;
}

/** Who tried to register a person held by another household (the rejection's details name the holder). */
export async function logRegisteredElsewhere(
  accessLog: AccessLog,
  holder: Readonly<Record<string, unknown>> | undefined,
  principal: CommandContext['principal'],
): Promise<void> {
  if (typeof holder?.workerId !== 'string') return;
  await accessLog.record(principal, {
    resource: 'registration_of_a_person_registered_elsewhere',
    subjectIds: [holder.workerId],
    scope: typeof holder.countyCode === 'string' ? holder.countyCode : undefined,
  });
}
