import type { z } from 'zod';
import {
  certifyWorkshopBody,
  endEmploymentBody,
  householdBodyAt,
  placeWorkerBody,
  postVacancyBody,
  recordFollowUpBody,
  registerEmployerBody,
  registerLabourStationBody,
  reportEmploymentBody,
} from '@contracts/http';
import { workerIdOf } from '@contracts';
import { yearOf } from '@lib/domain/shared/business-dates';
import type { SeedCommand, SeedCommandKind } from '../seed-commands';
import type { SeedTarget } from './seed-target';

/**
 * Loads a seed stream into a target (the platform's command bus), in stream order with a few commands in
 * flight. Each body is parsed with the contract's schema first, exactly as the HTTP layer would, after the
 * refs it names were replaced by the ids the platform answered. A command that names a ref still in flight
 * waits for it, and a command on a household waits for the one before it on that household, so concurrency
 * never breaks the stream's dependency order. A dated command (`at`) runs with the clock at its instant.
 */

export interface SeedProgress {
  readonly commands: number;
  readonly households: number;
}

export interface LoadSeedOptions {
  /** Commands in flight at once (default 8): appends to different streams share SQLite commits. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
  /**
   * The year birth years are validated against, as the HTTP schema does (default: the clock's); a dated
   * command's is the year in Guizhou at its instant.
   */
  readonly currentYear?: () => number;
}

export interface SeedLoadResult {
  readonly counts: Readonly<Record<SeedCommandKind, number>>;
  /** The platform's id of every station, workshop and vacancy ref (households are too many to return). */
  readonly ids: ReadonlyMap<string, string>;
}

/** A seed body the contract refuses: the generator and the contract disagree, nothing of it was sent. */
export class SeedValidationError extends Error {
  constructor(
    readonly command: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const detail = issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    super(`Seed command ${command} is invalid: ${detail}`);
    this.name = 'SeedValidationError';
  }
}

const parse = <S extends z.ZodType>(schema: S, body: unknown, command: string): z.output<S> => {
  const result = schema.safeParse(body);
  if (!result.success) throw new SeedValidationError(command, result.error.issues);
  return result.data;
};

const nameOf = (command: SeedCommand): string =>
  'ref' in command
    ? `${command.kind} ${command.ref}`
    : `${command.kind} ${command.householdRef}.${command.memberNo}${command.at ? ` at ${command.at}` : ''}`;

/** The household a command is on, if any: its commands run one after the other. */
const householdRefOf = (command: SeedCommand): string | undefined =>
  command.kind === 'registerHousehold' ? command.ref : 'householdRef' in command ? command.householdRef : undefined; // prettier-ignore

export async function loadSeed(
  commands: Iterable<SeedCommand>,
  target: SeedTarget,
  options: LoadSeedOptions = {},
): Promise<SeedLoadResult> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  // Read while a household body is parsed (synchronously, just before it is sent).
  let parsedAt: string | undefined;
  const householdBody = householdBodyAt(() =>
    parsedAt !== undefined
      ? yearOf(Date.parse(parsedAt))
      : (options.currentYear?.() ?? new Date().getFullYear()),
  );
  const ids = new Map<string, string>();
  const householdIds = new Map<string, string>();
  const inFlight = new Map<string, Promise<string>>();
  const counts: Record<SeedCommandKind, number> = {
    registerLabourStation: 0,
    certifyWorkshop: 0,
    registerEmployer: 0,
    postVacancy: 0,
    registerHousehold: 0,
    reportEmployment: 0,
    placeWorker: 0,
    endEmployment: 0,
    recordFollowUp: 0,
  };
  /** The last command sent on each household, which the next one on it waits for. */
  const lastOnHousehold = new Map<string, Promise<void>>();
  let done = 0;

  const idOf = async (ref: string): Promise<string> => {
    const id = ids.get(ref) ?? householdIds.get(ref) ?? (await inFlight.get(ref));
    if (id === undefined) throw new Error(`Seed ref ${ref} is used before it is registered`);
    return id;
  };

  /** Runs one command that creates the entity `ref`, publishing its id for the commands that name it. */
  const creating = (ref: string, into: Map<string, string>, create: () => Promise<string>) => {
    const created = create();
    inFlight.set(ref, created);
    return created.then(
      (id) => {
        into.set(ref, id);
        inFlight.delete(ref);
      },
      (error: unknown) => {
        inFlight.delete(ref);
        throw error;
      },
    );
  };

  const send = async (command: SeedCommand): Promise<void> => {
    const { at } = command;
    const workerOf = async (c: { householdRef: string; memberNo: number }) =>
      workerIdOf(await idOf(c.householdRef), c.memberNo);
    switch (command.kind) {
      case 'registerLabourStation': {
        const body = parse(registerLabourStationBody, command.body, nameOf(command));
        return creating(command.ref, ids, () => target.registerLabourStation(body, at));
      }
      case 'certifyWorkshop': {
        const body = parse(certifyWorkshopBody, command.body, nameOf(command));
        return creating(command.ref, ids, () => target.certifyWorkshop(body, at));
      }
      case 'registerEmployer': {
        const body = parse(registerEmployerBody, command.body, nameOf(command));
        return creating(command.ref, ids, () => target.registerEmployer(body, at));
      }
      case 'postVacancy':
        return creating(command.ref, ids, async () => {
          const source = command.sourceRef
            ? { ...command.body.source, id: await idOf(command.sourceRef) }
            : command.body.source;
          const employer = command.employerRef ? { employerId: await idOf(command.employerRef) } : {};
          const body = parse(postVacancyBody, { ...command.body, source, ...employer }, nameOf(command));
          return target.postVacancy(body, at);
        });
      case 'registerHousehold': {
        parsedAt = at;
        const body = parse(householdBody, command.body, nameOf(command));
        return creating(command.ref, householdIds, () => target.registerHousehold(body, at));
      }
      case 'reportEmployment': {
        const body = parse(reportEmploymentBody, command.body, nameOf(command));
        await target.reportEmployment(await workerOf(command), body, at);
        return;
      }
      case 'placeWorker': {
        const placement = { workerId: await workerOf(command), vacancyId: await idOf(command.vacancyRef) };
        await target.placeWorker(parse(placeWorkerBody, placement, nameOf(command)), at);
        return;
      }
      case 'endEmployment': {
        const body = parse(endEmploymentBody, command.body, nameOf(command));
        await target.endEmployment(await workerOf(command), body, at);
        return;
      }
      case 'recordFollowUp': {
        const body = parse(recordFollowUpBody, command.body, nameOf(command));
        await target.recordFollowUp(await workerOf(command), body, at);
      }
    }
  };
  /** Sends the command once the previous command on its household is done (whatever its outcome). */
  const inOrder = (command: SeedCommand): Promise<void> => {
    const household = householdRefOf(command);
    if (household === undefined) return send(command);
    const previous = lastOnHousehold.get(household);
    const sent = previous ? previous.then(() => send(command)) : send(command);
    const settled = sent.catch(() => undefined);
    lastOnHousehold.set(household, settled);
    void settled.then(() => {
      if (lastOnHousehold.get(household) === settled) lastOnHousehold.delete(household);
    });
    return sent;
  };

  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const command of commands) {
    if (failure) break;
    const task: Promise<void> = inOrder(command)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!failure) {
          const named = new Error(`${nameOf(command)}: ${message}`, { cause: error });
          failure = { error: error instanceof SeedValidationError ? error : named };
        }
      })
      .then(() => {
        running.delete(task);
        if (failure) return;
        counts[command.kind]++;
        done++;
        options.onProgress?.({ commands: done, households: counts.registerHousehold });
      });
    running.add(task);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  return { counts, ids };
}
