/**
 * The county office's commands on one transport subsidy (a worker's subsidy of one calendar year). `now` is the
 * server's clock, read once at the edge; eligibility and rates are facts of other streams, loaded by the flow
 * (libs/application/src/subsidies) and handed in.
 */

/** The monitor's `TransportSubsidyEligible`: the worker earned the subsidy of this year by this placement. */
export interface SubsidyEligibility {
  readonly workerId: string;
  readonly householdId: string;
  readonly placementId: string;
  readonly year: number;
  readonly countyCode: string;
}

/** A county's amounts by destination province (whole yuan), and the amount for any other province. */
export interface SubsidyRates {
  readonly rates: Readonly<Record<string, number>>;
  readonly default?: number;
}

interface SubsidyCommandBase {
  readonly subsidyId: string;
  readonly now: string;
}

export type ClaimTransportSubsidy = SubsidyCommandBase & {
  readonly type: 'ClaimTransportSubsidy';
  readonly eligibility: SubsidyEligibility;
  /** A calendar day in Guizhou. */
  readonly travelDate: string;
  readonly destinationProvince: string;
};

export type ReviewTransportSubsidy = SubsidyCommandBase & {
  readonly type: 'ReviewTransportSubsidy';
  readonly decision: 'approve' | 'reject';
  readonly reason?: string;
  /** The county's rates in force (undefined: the county never set any). */
  readonly rates: SubsidyRates | undefined;
};

export type PayTransportSubsidy = SubsidyCommandBase & {
  readonly type: 'PayTransportSubsidy';
  readonly amount: number;
  /** A calendar day in Guizhou. */
  readonly paidAt: string;
  readonly reference: string;
};

export type TransportSubsidyCommand = ClaimTransportSubsidy | ReviewTransportSubsidy | PayTransportSubsidy;
