import { Inject, Injectable } from '@nestjs/common';
import type { EmployerView, ListEmployersQuery } from '@contracts';
import { directoryCollection } from '@lib/application';
import {
  directoryKey,
  findEmployers,
  type DirectoryEntry,
  type EmployerEntry,
} from '@lib/domain/employers/directory.projection';
import { directoryKeysOf } from '@lib/domain/employers/vacancy-employer';
import type { OpenVacancy } from '@lib/domain/monitor';
import { findAll, type ReadStore } from '@lib/read-store';
import { pageOf } from '../monitor/in-memory-page';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';

const employerViewOf = (e: EmployerEntry): EmployerView => ({
  employerId: e.id,
  name: e.name,
  creditCode: e.creditCode,
  industry: e.industry,
  province: e.province,
  city: e.city,
  address: e.address,
  contact: e.contact,
  registeredAt: e.registeredAt,
});

/**
 * The employer register and the posters by name, from the monitor's read store. The register is a few
 * thousand companies: a search reads them all and filters in memory.
 */
@Injectable()
export class DirectoryQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  async employers(query: ListEmployersQuery) {
    const all = await findAll(this.store, directoryCollection, { kind: 'employer' });
    const found = findEmployers(all, query.q);
    const page = pageOf(found, query.limit, query.cursor);
    return { items: page.items.map(employerViewOf), total: found.length, nextCursor: page.nextCursor };
  }

  async employer(employerId: string): Promise<EmployerView | undefined> {
    const key = directoryKey('employer', employerId);
    const entry = (await this.store.load(directoryCollection, [key])).get(key);
    return entry?.kind === 'employer' ? employerViewOf(entry) : undefined;
  }

  /** The directory entries the vacancies' employers and posters are under, loaded at once. */
  entriesFor(vacancies: readonly OpenVacancy[]): Promise<Map<string, DirectoryEntry>> {
    const keys = new Set(vacancies.flatMap(directoryKeysOf));
    return this.store.load(directoryCollection, [...keys]);
  }
}
