import { countyByCode, type VacancySource } from '@contracts';
import type { OpenVacancy } from '../monitor/open-vacancies.projection';
import { directoryKey, type DirectoryEntry } from './directory.projection';

/** Who a vacancy is with, as a worker asks it: the employer of the register, else the poster itself. */
export interface VacancyEmployer {
  readonly employerId?: string;
  readonly name: string;
  readonly creditCode?: string;
  readonly industry?: string;
  readonly city?: string;
}

type Directory = ReadonlyMap<string, DirectoryEntry>;

/** The directory keys a vacancy's employer and poster are found under. */
export function directoryKeysOf(vacancy: Pick<OpenVacancy, 'source' | 'details'>): string[] {
  const keys: string[] = [];
  if (vacancy.details.employerId !== undefined)
    keys.push(directoryKey('employer', vacancy.details.employerId));
  if (vacancy.source.type !== 'public_welfare')
    keys.push(directoryKey(vacancy.source.type, vacancy.source.id));
  return keys;
}

/** The county office that runs a welfare post, by name (its code when it is not a Guizhou county). */
export function countyOfficeName(countyCode: string): string {
  const county = countyByCode(countyCode);
  return county ? `${county.name}人力资源和社会保障局` : countyCode;
}

/**
 * The poster's name: a station's or workshop's own, a public-welfare post's county office (its source id is
 * the county code); the id itself when the directory does not have it yet.
 */
export function posterNameOf(source: VacancySource, directory: Directory): string {
  if (source.type === 'public_welfare') return countyOfficeName(source.id);
  return directory.get(directoryKey(source.type, source.id))?.name ?? source.id;
}

export function employerOf(
  vacancy: Pick<OpenVacancy, 'source' | 'details' | 'location'>,
  directory: Directory,
): VacancyEmployer {
  const id = vacancy.details.employerId;
  const entry = id === undefined ? undefined : directory.get(directoryKey('employer', id));
  if (entry?.kind === 'employer') {
    const { name, creditCode, industry, city } = entry;
    return { employerId: entry.id, name, creditCode, industry, city };
  }
  // A vacancy without an employer shows its poster (a workshop is its own employer).
  return { ...(id === undefined ? {} : { employerId: id }), name: posterNameOf(vacancy.source, directory) };
}
