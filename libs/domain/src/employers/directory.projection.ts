import type { EnvelopeOf, KeyedProjection } from '../shared/keyed-projection';

/**
 * Who offers work, by name: the employers of the register and the posters (labour stations, workshops), so
 * a vacancy can say whose it is without a second call. One document per stream, keyed `<kind>:<id>`.
 */
export interface EmployerEntry {
  readonly kind: 'employer';
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly industry: string;
  readonly province: string;
  readonly city: string;
  readonly address: string | null;
  readonly contact: { readonly name: string; readonly phone: string } | null;
  readonly registeredAt: string;
  readonly lastRevision: number;
}

export interface PosterEntry {
  readonly kind: 'labour_station' | 'workshop';
  readonly id: string;
  readonly name: string;
  /** The host city of a station, the county (its name is the region's) of a workshop. */
  readonly city: string | null;
  readonly lastRevision: number;
}

export type DirectoryEntry = EmployerEntry | PosterEntry;

export const directoryKey = (kind: DirectoryEntry['kind'], id: string): string => `${kind}:${id}`;

type DirectoryEventType = 'EmployerRegistered' | 'LabourStationRegistered' | 'WorkshopCertified';

export const directoryProjection: KeyedProjection<DirectoryEntry, DirectoryEventType> = {
  name: 'directory',
  handles: ['EmployerRegistered', 'LabourStationRegistered', 'WorkshopCertified'],
  keyOf: (event) => {
    switch (event.type) {
      case 'EmployerRegistered':
        return directoryKey('employer', event.data.employerId);
      case 'LabourStationRegistered':
        return directoryKey('labour_station', event.data.stationId);
      case 'WorkshopCertified':
        return directoryKey('workshop', event.data.workshopId);
    }
  },
  evolve(doc, event) {
    // Each entry is made once, by the first event of its stream; nothing later renames it.
    if (doc) return doc;
    return entryOf(event);
  },
};

function entryOf(event: EnvelopeOf<DirectoryEventType>): DirectoryEntry {
  const lastRevision = event.revision;
  switch (event.type) {
    case 'EmployerRegistered': {
      const d = event.data;
      return {
        kind: 'employer',
        id: d.employerId,
        name: d.name,
        creditCode: d.creditCode,
        industry: d.industry,
        province: d.province,
        city: d.city,
        address: d.address ?? null,
        contact: d.contact ?? null,
        registeredAt: d.registeredAt,
        lastRevision,
      };
    }
    case 'LabourStationRegistered':
      return {
        kind: 'labour_station',
        id: event.data.stationId,
        name: event.data.name,
        city: event.data.hostCity,
        lastRevision,
      };
    case 'WorkshopCertified':
      return { kind: 'workshop', id: event.data.workshopId, name: event.data.name, city: null, lastRevision };
  }
}

/**
 * Employers whose name contains `q` (case-insensitive), or whose credit code starts with it; all without q.
 * By name, then id, so pages are stable.
 */
export function findEmployers(entries: Iterable<DirectoryEntry>, q?: string): EmployerEntry[] {
  const needle = q?.trim().toLowerCase();
  const found: EmployerEntry[] = [];
  for (const e of entries) {
    if (e.kind !== 'employer') continue;
    if (needle && !e.name.toLowerCase().includes(needle) && !e.creditCode.toLowerCase().startsWith(needle))
      continue;
    found.push(e);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id));
}
