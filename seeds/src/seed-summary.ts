import { CHANNELS, type Channel } from '@contracts/values';
import { isInGuizhou } from '@lib/domain/placements/placement-rules';
import type { SeedCommand, VacancyBody } from './seed-commands';

/**
 * The figures a seed stream produces at its end, named as GET /v1/counties/:code/employment names them, so
 * tests and the README can compare them with DOMAIN.md. A worker holds one job at a time, as on the
 * platform: a second report while employed counts once, an end frees the worker, a placement's channel
 * follows from its vacancy as the placement saga's does.
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
  /** The channel of each member in work. */
  employed: Map<number, Channel>;
  capableMembers: Set<number>;
}

const channelOfVacancy = ({ source, location }: VacancyBody): Channel => {
  if (source.type !== 'labour_station') return source.type;
  return isInGuizhou(location) ? 'in_province' : 'out_of_province';
};

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function summarizeSeed(commands: Iterable<SeedCommand>): SeedSummary {
  const households = new Map<string, HouseholdTally>();
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const vacancyChannels = new Map<string, Channel>();
  const vacanciesBySource = { labour_station: 0, workshop: 0, public_welfare: 0 };
  let stations = 0;
  let workshops = 0;
  let openings = 0;
  let members = 0;
  // Employment of a member without labour capacity or reported twice does not count twice.
  const employ = (
    tally: HouseholdTally | undefined,
    memberNo: number,
    channel: Channel | undefined,
  ): void => {
    if (!tally || !channel || !tally.capableMembers.has(memberNo) || tally.employed.has(memberNo)) return;
    tally.employed.set(memberNo, channel);
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
        vacancyChannels.set(command.ref, channelOfVacancy(command.body));
        break;
      case 'registerHousehold': {
        const capableMembers = new Set<number>();
        command.body.members.forEach((m, i) => m.labourCapacity !== 'none' && capableMembers.add(i + 1));
        members += command.body.members.length;
        const tally = { capable: capableMembers.size, employed: new Map<number, Channel>(), capableMembers };
        households.set(command.ref, tally);
        command.body.members.forEach((m, i) => {
          if (m.currentEmployment) employ(tally, i + 1, m.currentEmployment.channel);
        });
        break;
      }
      case 'reportEmployment':
        employ(households.get(command.householdRef), command.memberNo, command.body.channel);
        break;
      case 'placeWorker':
        employ(households.get(command.householdRef), command.memberNo, vacancyChannels.get(command.vacancyRef)); // prettier-ignore
        break;
      case 'endEmployment':
        households.get(command.householdRef)?.employed.delete(command.memberNo);
        break;
    }
  }
  let withLabour = 0;
  let covered = 0;
  let capable = 0;
  let employed = 0;
  for (const tally of households.values()) {
    capable += tally.capable;
    employed += tally.employed.size;
    for (const channel of tally.employed.values()) byChannel[channel]++;
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
