import type { z } from 'zod';
import {
  certifyWorkshopBody,
  householdBodyAt,
  postVacancyBody,
  registerLabourStationBody,
  reportEmploymentBody,
} from '@contracts/http';
import { workerIdOf } from '@contracts';
import type { SeedCommand, SeedCommandKind } from '../seed-commands';
import type { SeedTarget } from './seed-target';

/**
 * Loads a seed stream into a target (the platform's command bus), in stream order with a few commands in
 * flight. Each body is parsed with the contract's schema first, exactly as the HTTP layer would, after the
 * refs it names were replaced by the ids the platform answered. A command that names a ref still in flight
 * waits for it, so concurrency never breaks the stream's dependency order.
 */

export interface SeedProgress {
  readonly commands: number;
  readonly households: number;
}

export interface LoadSeedOptions {
  /** Commands in flight at once (default 8): appends to different streams share SQLite commits. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
  /** The year birth years are validated against, as the HTTP schema does (default: the clock's). */
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
  command.kind === 'reportEmployment'
    ? `reportEmployment ${command.householdRef}.${command.memberNo}`
    : `${command.kind} ${command.ref}`;

export async function loadSeed(
  commands: Iterable<SeedCommand>,
  target: SeedTarget,
  options: LoadSeedOptions = {},
): Promise<SeedLoadResult> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const householdBody = householdBodyAt(options.currentYear);
  const ids = new Map<string, string>();
  const householdIds = new Map<string, string>();
  const inFlight = new Map<string, Promise<string>>();
  const counts: Record<SeedCommandKind, number> = {
    registerLabourStation: 0,
    certifyWorkshop: 0,
    postVacancy: 0,
    registerHousehold: 0,
    reportEmployment: 0,
  };
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
    switch (command.kind) {
      case 'registerLabourStation': {
        const body = parse(registerLabourStationBody, command.body, nameOf(command));
        return creating(command.ref, ids, () => target.registerLabourStation(body));
      }
      case 'certifyWorkshop': {
        const body = parse(certifyWorkshopBody, command.body, nameOf(command));
        return creating(command.ref, ids, () => target.certifyWorkshop(body));
      }
      case 'postVacancy':
        return creating(command.ref, ids, async () => {
          const source = command.sourceRef
            ? { ...command.body.source, id: await idOf(command.sourceRef) }
            : command.body.source;
          const body = parse(postVacancyBody, { ...command.body, source }, nameOf(command));
          return target.postVacancy(body);
        });
      case 'registerHousehold': {
        const body = parse(householdBody, command.body, nameOf(command));
        return creating(command.ref, householdIds, () => target.registerHousehold(body));
      }
      case 'reportEmployment': {
        const body = parse(reportEmploymentBody, command.body, nameOf(command));
        const workerId = workerIdOf(await idOf(command.householdRef), command.memberNo);
        await target.reportEmployment(workerId, body);
      }
    }
  };

  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const command of commands) {
    if (failure) break;
    const task: Promise<void> = send(command)
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
