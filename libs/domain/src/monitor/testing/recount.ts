import { CHANNELS, type Channel, type LabourCapacity } from '@contracts';
import type { HouseholdStatus } from '../household-employment';
import type { AnyEnvelope } from '../../shared/keyed-projection';

export interface RecountedHousehold {
  readonly householdId: string;
  readonly countyCode: string;
  readonly status: HouseholdStatus;
  readonly labourCapableMembers: number;
  readonly employedMembers: number;
  readonly byChannel: Readonly<Record<Channel, number>>;
}

/**
 * Brute force, independent of the projections: each worker's last capacity and the set of employments
 * started and not ended or voided, recounted from the raw events.
 */
export function recountHouseholds(events: readonly AnyEnvelope[]): Map<string, RecountedHousehold> {
  const county = new Map<string, string>();
  const capacity = new Map<string, LabourCapacity>();
  const active = new Map<string, Map<string, Channel>>();
  for (const e of events) {
    if (e.type === 'HouseholdRegistered') county.set(e.data.householdId, e.data.countyCode);
    if (e.type === 'WorkerRegistered' || e.type === 'WorkerLabourCapacityChanged') {
      capacity.set(e.data.workerId, e.data.labourCapacity);
    }
    if (!('workerId' in e.data) || e.data.workerId === undefined || !e.streamId.startsWith('household-'))
      continue;
    const jobs = active.get(e.data.workerId) ?? new Map<string, Channel>();
    active.set(e.data.workerId, jobs);
    if (e.type === 'WorkerPlaced') jobs.set(e.data.placementId, e.data.channel);
    if (e.type === 'EmploymentReported') jobs.set(e.data.employmentId, e.data.channel);
    if (e.type === 'EmploymentEnded') jobs.delete(e.data.employmentId);
    if (e.type === 'PlacementVoided') jobs.delete(e.data.placementId);
  }
  const out = new Map<string, RecountedHousehold>();
  for (const [householdId, countyCode] of county) {
    const workers = [...capacity.keys()].filter((w) => w.slice(0, w.lastIndexOf('.')) === householdId);
    const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
    let employedMembers = 0;
    for (const w of workers) {
      const jobs = [...(active.get(w)?.values() ?? [])];
      if (jobs.length > 0) employedMembers += 1;
      for (const c of jobs) byChannel[c] += 1;
    }
    const labourCapableMembers = workers.filter((w) => capacity.get(w) !== 'none').length;
    const status: HouseholdStatus =
      employedMembers > 0 ? 'covered' : labourCapableMembers > 0 ? 'zero_employment' : 'no_labour';
    out.set(householdId, {
      householdId,
      countyCode,
      status,
      labourCapableMembers,
      employedMembers,
      byChannel,
    });
  }
  return out;
}
