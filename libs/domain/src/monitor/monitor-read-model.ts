import { applyHouseholdChange, type RegionDocuments } from './county-employment.projection';
import { householdEmploymentProjection } from './household-employment.projection';
import { type HouseholdEmployment, type HouseholdEnvelope } from './household-employment';
import { openVacanciesProjection, type OpenVacancy } from './open-vacancies.projection';
import {
  applyProjection,
  handlesEvent,
  reduceDocuments,
  type AnyEnvelope,
  type DocumentMap,
} from '../shared/keyed-projection';
import { transportSubsidyProjection, type TransportSubsidyGrant } from './transport-subsidy.projection';
import {
  workerEmploymentStatusProjection,
  type WorkerEmploymentStatus,
} from './worker-employment-status.projection';
import { caseFileProjection, type ZeroEmploymentCaseFile } from '../cases/case-file.projection';
import { countySettingsProjection, type CountySettings } from '../cases/county-settings';
import { monitorAppendsOf, type MonitorAppend } from './employment-monitor.process-manager';
import {
  transportSubsidyClaimsProjection,
  type TransportSubsidyClaimDoc,
} from '../subsidies/transport-subsidy-claims.projection';
import { followUpsDueProjection, type PlacementFollowUps } from '../placements/follow-ups-due.projection';
import {
  householdPlacementsProjection,
  type HouseholdPlacements,
} from '../reports/household-placements.projection';
import {
  vacancyPlacementsProjection,
  type VacancyPlacements,
} from '../reports/vacancy-placements.projection';
import { workshopRegisterProjection, type WorkshopRecord } from '../reports/workshop-register.projection';

/**
 * Every monitor projection in memory, plain JSON (positions as decimal strings), so it can be serialised as
 * a snapshot and resumed. `position` is the checkpoint: the last global position applied.
 */
export interface MonitorReadModel {
  readonly position: string;
  readonly households: DocumentMap<HouseholdEmployment>;
  readonly regions: RegionDocuments;
  readonly cases: DocumentMap<ZeroEmploymentCaseFile>;
  readonly workers: DocumentMap<WorkerEmploymentStatus>;
  readonly vacancies: DocumentMap<OpenVacancy>;
  readonly subsidies: DocumentMap<TransportSubsidyGrant>;
  readonly subsidyClaims: DocumentMap<TransportSubsidyClaimDoc>;
  readonly countySettings: DocumentMap<CountySettings>;
  readonly followUps: DocumentMap<PlacementFollowUps>;
  /** The reports' documents (libs/domain/src/reports). */
  readonly householdPlacements: DocumentMap<HouseholdPlacements>;
  readonly vacancyPlacements: DocumentMap<VacancyPlacements>;
  readonly workshops: DocumentMap<WorkshopRecord>;
}

export const EMPTY_MONITOR_READ_MODEL: MonitorReadModel = Object.freeze({
  position: '0',
  households: {},
  regions: {},
  cases: {},
  workers: {},
  vacancies: {},
  subsidies: {},
  subsidyClaims: {},
  countySettings: {},
  followUps: {},
  householdPlacements: {},
  vacancyPlacements: {},
  workshops: {},
});

export interface MonitorStep {
  readonly model: MonitorReadModel;
  /** What the process manager asks to append (to the store, before the model is saved). */
  readonly appends: readonly MonitorAppend[];
}

function applyHouseholdEvent(
  model: MonitorReadModel,
  event: HouseholdEnvelope & AnyEnvelope,
): { model: MonitorReadModel; appends: readonly MonitorAppend[] } {
  const key = event.data.householdId;
  const before = model.households[key];
  const after = applyProjection(householdEmploymentProjection, before, event);
  if (after === before || after === undefined) return { model, appends: [] };
  return {
    model: {
      ...model,
      households: { ...model.households, [key]: after },
      regions: applyHouseholdChange(model.regions, before, after),
    },
    appends: monitorAppendsOf(before, after, event),
  };
}

/** The pure reducer of the whole monitor read side: `(model, envelope) -> model`, plus the appends it asks for. */
export function applyToMonitorReadModel(model: MonitorReadModel, event: AnyEnvelope): MonitorStep {
  let next = model;
  const appends: MonitorAppend[] = [];
  if (handlesEvent(householdEmploymentProjection, event)) {
    const step = applyHouseholdEvent(next, event);
    next = step.model;
    appends.push(...step.appends);
  }
  next = {
    ...next,
    position: BigInt(next.position) < event.position ? event.position.toString() : next.position,
    cases: reduceDocuments(caseFileProjection, next.cases, event),
    workers: reduceDocuments(workerEmploymentStatusProjection, next.workers, event),
    vacancies: reduceDocuments(openVacanciesProjection, next.vacancies, event),
    subsidies: reduceDocuments(transportSubsidyProjection, next.subsidies, event),
    subsidyClaims: reduceDocuments(transportSubsidyClaimsProjection, next.subsidyClaims, event),
    countySettings: reduceDocuments(countySettingsProjection, next.countySettings, event),
    followUps: reduceDocuments(followUpsDueProjection, next.followUps, event),
    householdPlacements: reduceDocuments(householdPlacementsProjection, next.householdPlacements, event),
    vacancyPlacements: reduceDocuments(vacancyPlacementsProjection, next.vacancyPlacements, event),
    workshops: reduceDocuments(workshopRegisterProjection, next.workshops, event),
  };
  return { model: next, appends };
}
