import { given } from '../shared/testing/decider-spec';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.state';

const caseId = 'hh-1:1';
const opened: CaseEvent = {
  type: 'ZeroEmploymentCaseOpened',
  data: { householdId: 'hh-1', countyCode: '520402', openedAt: '2026-03-01T08:00:00Z' },
};
const cleared: CaseEvent = {
  type: 'ZeroEmploymentCaseCleared',
  data: {
    householdId: 'hh-1',
    countyCode: '520402',
    openedAt: '2026-03-01T08:00:00Z',
    clearedAt: '2026-03-03T08:00:00Z',
    clearedBy: { kind: 'employment', channel: 'workshop' },
  },
};
const now = '2026-03-02T10:00:00Z';
const cadre = { id: 'cadre-7', name: '李明' };
const assigned = (assignee = cadre): CaseEvent => ({
  type: 'ZeroEmploymentCaseAssigned',
  data: { householdId: 'hh-1', countyCode: '520402', assignee, assignedAt: now },
});
const visit = {
  type: 'RecordVerification' as const,
  caseId,
  verificationId: 'v-1',
  visitedAt: '2026-03-02T09:00:00Z',
  method: 'home_visit' as const,
  finding: 'confirmed' as const,
  now,
};
const measure = {
  type: 'RecordMeasure' as const,
  caseId,
  measureId: 'm-1',
  kind: 'job_recommendation' as const,
  takenAt: '2026-03-02T09:30:00Z',
  workerId: 'hh-1.1',
  vacancyIds: ['v-a', 'v-b'],
  now,
};

describe('zero-employment case decider', () => {
  describe('assign', () => {
    it('assigns an open case to a cadre', () =>
      given(caseDecider, [opened])
        .when({ type: 'AssignCase', caseId, assignee: cadre, now })
        .then([assigned()]));
    it('records a reassignment, and nothing for the same cadre again', () => {
      const other = { id: 'cadre-8', name: '王芳' };
      given(caseDecider, [opened, assigned()])
        .when({ type: 'AssignCase', caseId, assignee: other, now })
        .then([assigned(other)]);
      given(caseDecider, [opened, assigned()])
        .when({ type: 'AssignCase', caseId, assignee: cadre, now })
        .thenNothing();
    });
    it('refuses an unknown case (not_found) and a cleared one (case_closed)', () => {
      given(caseDecider).when({ type: 'AssignCase', caseId, assignee: cadre, now }).thenRejects('not_found');
      given(caseDecider, [opened, cleared])
        .when({ type: 'AssignCase', caseId, assignee: cadre, now })
        .thenRejects('case_closed');
    });
  });

  describe('record a verification', () => {
    it('records what the visit found, once per verification id', () => {
      const verified: CaseEvent = {
        type: 'ZeroEmploymentCaseVerified',
        data: {
          householdId: 'hh-1',
          countyCode: '520402',
          verificationId: 'v-1',
          visitedAt: visit.visitedAt,
          method: 'home_visit',
          finding: 'confirmed',
          recordedAt: now,
        },
      };
      given(caseDecider, [opened]).when(visit).then([verified]);
      given(caseDecider, [opened, verified]).when(visit).thenNothing();
    });
    it('refuses a visit in the future or before the case opened', () => {
      given(caseDecider, [opened])
        .when({ ...visit, visitedAt: '2026-03-02T11:00:00Z' })
        .thenRejects('invalid_value', /visitedAt is in the future/);
      given(caseDecider, [opened])
        .when({ ...visit, visitedAt: '2026-02-28T11:00:00Z' })
        .thenRejects('invalid_value', /before the case was opened/);
    });
    it('takes a visit written to the minute the case opened in, not the minute before', () => {
      const openedMidMinute = { ...opened, data: { ...opened.data, openedAt: '2026-03-01T08:00:37.512Z' } };
      given(caseDecider, [openedMidMinute])
        .when({ ...visit, visitedAt: '2026-03-01T08:00:00Z' })
        .then([expect.objectContaining({ type: 'ZeroEmploymentCaseVerified' })] as never);
      given(caseDecider, [openedMidMinute])
        .when({ ...visit, visitedAt: '2026-03-01T07:59:59Z' })
        .thenRejects('invalid_value', /before the case was opened/);
    });
    it('takes a finding that changes facts only with the facts, and no facts with the others', () => {
      given(caseDecider, [opened])
        .when({ ...visit, finding: 'employed_elsewhere' })
        .thenRejects('invalid_value');
      given(caseDecider, [opened])
        .when({ ...visit, finding: 'no_labour' })
        .thenRejects('invalid_value');
      given(caseDecider, [opened])
        .when({ ...visit, finding: 'unreachable', followUp: { kind: 'no_labour', workerIds: ['hh-1.1'] } })
        .thenRejects('invalid_value');
      const followUp = { kind: 'no_labour' as const, workerIds: ['hh-1.2'] };
      const decision = caseDecider.decide(
        { ...visit, finding: 'no_labour', followUp },
        caseDecider.evolve(caseDecider.initialState(), opened),
      );
      expect(decision).toMatchObject({ ok: true, events: [{ data: { finding: 'no_labour', followUp } }] });
    });
    it('refuses work on a cleared case', () =>
      given(caseDecider, [opened, cleared]).when(visit).thenRejects('case_closed'));
  });

  describe('record a measure', () => {
    it('records a job recommendation with the vacancies offered, for a member', () =>
      given(caseDecider, [opened])
        .when(measure)
        .then([
          {
            type: 'ZeroEmploymentCaseMeasureRecorded',
            data: {
              householdId: 'hh-1',
              countyCode: '520402',
              measureId: 'm-1',
              kind: 'job_recommendation',
              takenAt: measure.takenAt,
              workerId: 'hh-1.1',
              vacancyIds: ['v-a', 'v-b'],
              recordedAt: now,
            },
          },
        ]));
    it('refuses a recommendation without vacancies, vacancies on guidance, another household’s member', () => {
      const { vacancyIds: _v, ...noVacancies } = measure;
      given(caseDecider, [opened])
        .when(noVacancies)
        .thenRejects('invalid_value', /names the vacancies/);
      given(caseDecider, [opened])
        .when({ ...measure, kind: 'career_guidance' })
        .thenRejects('invalid_value', /offers no vacancy/);
      given(caseDecider, [opened])
        .when({ ...measure, workerId: 'hh-2.1' })
        .thenRejects('invalid_value', /not a member/);
    });
    it('refuses a measure in the future, and any on a cleared case', () => {
      given(caseDecider, [opened])
        .when({ ...measure, takenAt: '2026-03-05T00:00:00Z' })
        .thenRejects('invalid_value');
      given(caseDecider, [opened, cleared]).when(measure).thenRejects('case_closed');
    });
  });
});
