import { nameBasedUuid } from '../shared/name-based-id';

/** Namespace of the monitor's derived event ids (a fixed random uuid). */
export const MONITOR_ID_NAMESPACE = '5b0f8c1e-3d7a-4f2b-9c64-8e1a2d3b4c5f';

/** The same transition always gets the same event id, so an append retried after a crash or a replay is recognised. */
export const uuidV5 = (name: string, namespace: string = MONITOR_ID_NAMESPACE): string =>
  nameBasedUuid(namespace, name);

/** A case's opening or clearing, by its stream (one of each per case). */
export const caseLifeEventId = (caseStreamId: string, type: string): string =>
  uuidV5(`${caseStreamId}#${type}`);
export const transportSubsidyEventId = (workerId: string, year: number): string =>
  uuidV5(`${workerId}#transport-subsidy-${year}`);
