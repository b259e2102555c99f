/** Stream names (decisions.md): one stream per aggregate; workers live in their household's stream. */
export const labourStationStream = (stationId: string): string => `labour-station-${stationId}`;
export const workshopStream = (workshopId: string): string => `workshop-${workshopId}`;
export const vacancyStream = (vacancyId: string): string => `vacancy-${vacancyId}`;
export const householdStream = (householdId: string): string => `household-${householdId}`;
/** One claim stream per person, by the keyed hash of the ID number (ADR 0004): no ID number in a stream name. */
export const residentStream = (idNumberHash: string): string => `resident-${idNumberHash}`;
