import type { VacancyDetailResponse } from '@contracts';
import { occupationOf } from '@contracts/values/occupations';
import type { DirectoryEntry } from '@lib/domain/employers/directory.projection';
import { employerOf, posterNameOf } from '@lib/domain/employers/vacancy-employer';
import type { OpenVacancy } from '@lib/domain/monitor';
import { statusAt } from './vacancy-pages';

type Directory = ReadonlyMap<string, DirectoryEntry>;

const labelled = (code: string) => {
  const { label } = occupationOf(code);
  return { code, label };
};

/** The contract's `full` is the projection's `filled`. */
export const toContractStatus = (status: OpenVacancy['status']): VacancyDetailResponse['status'] =>
  status === 'filled' ? 'full' : status;

/**
 * GET /v1/vacancies/:id: the vacancy with its employer (or its poster) by name and every detail posted; a
 * detail not posted is null, so a client shows "not stated" rather than guessing. The status is the one it
 * has at `now` (open with its expiresAt come is expired).
 */
export function vacancyDetailOf(
  v: OpenVacancy,
  now: string,
  directory: Directory,
): Omit<VacancyDetailResponse, 'position'> {
  const d = v.details;
  return {
    vacancyId: v.vacancyId,
    title: v.title,
    occupation: labelled(v.occupation),
    skills: v.skills.map(labelled),
    employer: employerOf(v, directory),
    source: { ...v.source, name: posterNameOf(v.source, directory) },
    location: v.location,
    wage: v.wage,
    openings: v.openings,
    filled: v.confirmedPlacementIds.length,
    reserved: v.reservedPlacementIds.length,
    remaining: v.remainingOpenings,
    status: toContractStatus(statusAt(v, now)),
    ageRange: v.ageRange,
    labourCapacities: [...v.labourCapacities],
    accommodation: v.accommodation,
    meals: d.meals ?? null,
    flexibleHours: d.flexibleHours === true,
    workingHours: d.workingHours ?? null,
    contractTerms: d.contractTerms ?? null,
    socialInsurance: d.socialInsurance ?? null,
    description: d.description ?? null,
    contact: d.contact ?? null,
    ...(d.welfare ? { welfare: d.welfare } : {}),
    expiresAt: v.expiresAt,
    postedAt: v.postedAt,
  };
}
