import { CHANNELS, type Channel } from '@contracts/values';
import type { SeedCommand } from './seed-commands';

/**
 * The figures a seed stream produces, named as GET /v1/counties/:code/employment names them, so tests
 * and the README can compare them with DOMAIN.md. Employment is counted per worker once (the first
 * report), as the platform holds one active employment per worker.
 */
export interface SeedSummary {
  stations: number;
  workshops: number;
  vacancies: number;
  openings: number;
  vacanciesBySource: Record<'labour_station' | 'workshop' | 'public_welfare', number>;
  households: number;
  householdsWithLabour: number;
  coveredHouseholds: number;
  zeroEmploymentHouseholds: number;
  noLabourHouseholds: number;
  members: number;
  labourCapableWorkers: number;
  employedWorkers: number;
  /** employed / labour-capable (DOMAIN.md: 96.19% in 2023, 96.9% in 2025). */
  employmentRate: number;
  /** employed / households with labour. */
  employedPerHouseholdWithLabour: number;
  /** employed / covered households (Anshun's 2.29 is 40,941 people over 17,881 households in work). */
  employedPerCoveredHousehold: number;
  zeroEmploymentShare: number;
  noLabourShare: number;
  byChannel: Record<Channel, number>;
  /** Share of the employed per channel. */
  channelShares: Record<Channel, number>;
}

interface HouseholdTally {
  capable: number;
  employed: Set<number>;
  capableMembers: Set<number>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function summarizeSeed(commands: Iterable<SeedCommand>): SeedSummary {
  const households = new Map<string, HouseholdTally>();
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const vacanciesBySource = { labour_station: 0, workshop: 0, public_welfare: 0 };
  let stations = 0;
  let workshops = 0;
  let openings = 0;
  let members = 0;
  // Employment of a member without labour capacity or reported twice does not count twice.
  const employ = (tally: HouseholdTally, memberNo: number, channel: Channel): void => {
    if (!tally.capableMembers.has(memberNo) || tally.employed.has(memberNo)) return;
    tally.employed.add(memberNo);
    byChannel[channel]++;
  };
  for (const command of commands) {
    switch (command.kind) {
      case 'registerLabourStation':
        stations++;
        break;
      case 'certifyWorkshop':
        workshops++;
        break;
      case 'postVacancy':
        vacanciesBySource[command.body.source.type]++;
        openings += command.body.openings;
        break;
      case 'registerHousehold': {
        const capableMembers = new Set<number>();
        command.body.members.forEach((m, i) => m.labourCapacity !== 'none' && capableMembers.add(i + 1));
        members += command.body.members.length;
        const tally = { capable: capableMembers.size, employed: new Set<number>(), capableMembers };
        households.set(command.ref, tally);
        command.body.members.forEach((m, i) => {
          if (m.currentEmployment) employ(tally, i + 1, m.currentEmployment.channel);
        });
        break;
      }
      case 'reportEmployment': {
        const tally = households.get(command.householdRef);
        if (tally) employ(tally, command.memberNo, command.body.channel);
        break;
      }
    }
  }
  let withLabour = 0;
  let covered = 0;
  let capable = 0;
  let employed = 0;
  for (const tally of households.values()) {
    capable += tally.capable;
    employed += tally.employed.size;
    if (tally.capable > 0) withLabour++;
    if (tally.employed.size > 0) covered++;
  }
  const zeroEmployment = withLabour - covered;
  const noLabour = households.size - withLabour;
  return {
    stations,
    workshops,
    vacancies:
      vacanciesBySource.labour_station + vacanciesBySource.workshop + vacanciesBySource.public_welfare,
    openings,
    vacanciesBySource,
    households: households.size,
    householdsWithLabour: withLabour,
    coveredHouseholds: covered,
    zeroEmploymentHouseholds: zeroEmployment,
    noLabourHouseholds: noLabour,
    members,
    labourCapableWorkers: capable,
    employedWorkers: employed,
    employmentRate: ratio(employed, capable),
    employedPerHouseholdWithLabour: ratio(employed, withLabour),
    employedPerCoveredHousehold: ratio(employed, covered),
    zeroEmploymentShare: ratio(zeroEmployment, withLabour),
    noLabourShare: ratio(noLabour, households.size),
    byChannel,
    channelShares: Object.fromEntries(CHANNELS.map((c) => [c, ratio(byChannel[c], employed)])) as Record<
      Channel,
      number
    >,
  };
}
