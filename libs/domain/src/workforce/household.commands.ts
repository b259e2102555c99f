import type {
  Channel,
  EmploymentEndReason,
  EmploymentReportSource,
  Gender,
  JobSeekerService,
  LabourCapacity,
  RelationToHead,
  VerificationMethod,
  WorkPreference,
} from '@contracts';

/** A member as the caller gives it: the ID number already reduced to its keyed hash and last 4 characters. */
export interface MemberInput {
  readonly name: string;
  readonly idNumberHash: string;
  readonly idNumberLast4: string;
  readonly birthYear: number;
  readonly gender: Gender;
  readonly ethnicity?: string;
  readonly labourCapacity: LabourCapacity;
  readonly skills: readonly string[];
  readonly preference: WorkPreference;
  readonly expectedMonthlyWage?: number | null;
  readonly returnee?: boolean;
  /** Stored apart from the registration (MemberContactRecorded, MemberRelationRecorded). */
  readonly phone?: string;
  readonly relationToHead?: RelationToHead;
}

interface WorkerCommandBase {
  readonly workerId: string;
  readonly now: string;
}

/** Employment a member already has at registration; the caller assigns its id, as for a report. */
export interface CurrentEmploymentInput {
  readonly employmentId: string;
  readonly channel: Channel;
  readonly employer?: string;
  readonly source: EmploymentReportSource;
  readonly startDate: string;
}

export interface RegisteringMember extends MemberInput {
  readonly currentEmployment?: CurrentEmploymentInput;
}

export type RegisterHousehold = {
  readonly type: 'RegisterHousehold';
  readonly householdId: string;
  readonly countyCode: string;
  readonly relocationSiteId: string;
  readonly address?: string;
  readonly members: readonly RegisteringMember[];
  /** The revision of the claim (stream `resident-<hash>`) this registration holds on each member's ID hash. */
  readonly claimRevisions: ClaimRevisions;
  readonly now: string;
};

export type ClaimRevisions = Readonly<Record<string, number>>;

export type AddWorker = {
  readonly type: 'AddWorker';
  readonly householdId: string;
  readonly member: MemberInput;
  /** The revision of the claim this command holds on the member's ID hash (ADR 0004). */
  readonly claimRevision: number;
  readonly now: string;
};

/**
 * Voids a claim on a person that this household never committed (ADR 0004), so another household can
 * take the person over: refused when the household holds the person.
 */
export type VoidResidentClaim = {
  readonly type: 'VoidResidentClaim';
  readonly householdId: string;
  readonly idNumberHash: string;
  readonly claimRevision: number;
  readonly now: string;
};

export type UpdateWorkerProfile = WorkerCommandBase & {
  readonly type: 'UpdateWorkerProfile';
  readonly skills?: readonly string[];
  readonly preference?: WorkPreference;
  readonly expectedMonthlyWage?: number;
};

/** A member's mobile number, new or changed. */
export type RecordContact = WorkerCommandBase & {
  readonly type: 'RecordContact';
  readonly phone: string;
};

/** The household's address changed (it moved within the site, or from the village to the site). */
export type ChangeAddress = {
  readonly type: 'ChangeAddress';
  readonly householdId: string;
  readonly address: string;
  readonly now: string;
};

export type RecordTraining = WorkerCommandBase & {
  readonly type: 'RecordTraining';
  readonly trainingId: string;
  readonly name: string;
  readonly skill: string;
  readonly hours?: number;
  readonly completedAt: string;
};

export type ChangeLabourCapacity = WorkerCommandBase & {
  readonly type: 'ChangeLabourCapacity';
  readonly labourCapacity: LabourCapacity;
};

export type ReportEmployment = WorkerCommandBase & {
  readonly type: 'ReportEmployment';
  readonly employmentId: string;
  readonly channel: Channel;
  readonly employer?: string;
  readonly source: EmploymentReportSource;
  readonly startDate: string;
};

/** What a placement says beyond its ids: the broker's, and the term of a public-welfare post. */
export interface PlacementDetails {
  readonly channel: Channel;
  readonly brokerId: string;
  readonly startDate: string;
  readonly recommendationRank?: number;
  readonly overrideReason?: string;
  /** A public-welfare post's term end and the county that runs the post (see welfare-term.ts). */
  readonly welfareTermEndsOn?: string;
  readonly welfareCountyCode?: string;
}

/** Saga step 2, the commit point of a placement. */
export type PlaceWorker = WorkerCommandBase &
  PlacementDetails & {
    readonly type: 'PlaceWorker';
    readonly placementId: string;
    readonly vacancyId: string;
  };

export type EndEmployment = WorkerCommandBase & {
  readonly type: 'EndEmployment';
  readonly employmentId: string;
  readonly reason: EmploymentEndReason;
  /** When it ended (business time): not in the future, not before the job started; `now` when not given. */
  readonly endedAt?: string;
  /**
   * The end of a public-welfare term the scheduler found due: the employment ends (welfare_term_end, at that
   * day) only while it is active with this term end and the day has come (endAtWelfareTermEnd).
   */
  readonly termEndsOn?: string;
};

/** The county office extends a public-welfare post's term by some months, before it runs out. */
export type RenewWelfareTerm = WorkerCommandBase & {
  readonly type: 'RenewWelfareTerm';
  readonly placementId: string;
  readonly termMonths: number;
};

/** The job a worker moved to, as a follow-up found it: reported on the household in the same append. */
export interface NewEmploymentInput {
  readonly employmentId: string;
  readonly channel: Channel;
  readonly employer?: string;
  readonly startDate: string;
}

/**
 * A follow-up check of an employment (稳岗回访). An outcome other than `still_employed` names why the job
 * ended, so the decision ends it in the same append; `changed_job` also brings the new job.
 */
export type VerifyEmployment = WorkerCommandBase & {
  readonly type: 'VerifyEmployment';
  readonly employmentId: string;
  readonly method: VerificationMethod;
  /** When the check was made (business time): not in the future, not before the job started; `now` when not given. */
  readonly visitedAt?: string;
  readonly note?: string;
} & (
    | { readonly outcome: 'still_employed' }
    | { readonly outcome: 'left'; readonly endReason: EmploymentEndReason }
    | {
        readonly outcome: 'changed_job';
        readonly endReason: EmploymentEndReason;
        readonly newEmployment: NewEmploymentInput;
      }
  );

/** A service of the "131" package delivered to a member (from a case's measure, or outside one). */
export type RecordService = WorkerCommandBase & {
  readonly type: 'RecordService';
  readonly serviceId: string;
  readonly service: JobSeekerService;
  readonly vacancyIds?: readonly string[];
  readonly caseId?: string;
  readonly deliveredAt: string;
};

/** Recovery of a pending reservation: the placement never happened. */
export type VoidPlacement = WorkerCommandBase & {
  readonly type: 'VoidPlacement';
  readonly placementId: string;
  readonly vacancyId: string;
  readonly reason: string;
};

export type HouseholdCommand =
  | RegisterHousehold
  | AddWorker
  | VoidResidentClaim
  | UpdateWorkerProfile
  | RecordContact
  | ChangeAddress
  | RecordTraining
  | ChangeLabourCapacity
  | ReportEmployment
  | PlaceWorker
  | EndEmployment
  | VerifyEmployment
  | RecordService
  | VoidPlacement
  | RenewWelfareTerm;
