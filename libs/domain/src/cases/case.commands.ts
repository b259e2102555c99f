import type {
  CaseAssignee,
  CaseFinding,
  CaseMeasureKind,
  CaseVerificationMethod,
  VerificationFollowUp,
} from '@contracts';

interface CaseCommandBase {
  readonly caseId: string;
  readonly now: string;
}

/** The responsible cadre (帮扶责任人); reassigning is allowed and recorded. */
export type AssignCase = CaseCommandBase & {
  readonly type: 'AssignCase';
  readonly assignee: CaseAssignee;
};

/** What a check on the ground (基层核实) found; a finding that changes facts carries them (`followUp`). */
export type RecordVerification = CaseCommandBase & {
  readonly type: 'RecordVerification';
  readonly verificationId: string;
  readonly visitedAt: string;
  readonly method: CaseVerificationMethod;
  readonly finding: CaseFinding;
  readonly note?: string;
  readonly followUp?: VerificationFollowUp;
};

/** An assistance measure (帮扶措施). */
export type RecordMeasure = CaseCommandBase & {
  readonly type: 'RecordMeasure';
  readonly measureId: string;
  readonly kind: CaseMeasureKind;
  readonly takenAt: string;
  readonly takenBy?: string;
  readonly workerId?: string;
  readonly vacancyIds?: readonly string[];
  readonly note?: string;
};

export type CaseCommand = AssignCase | RecordVerification | RecordMeasure;
