import { EVENT_EXAMPLES } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import {
  monthlyReportDecider,
  type MonthlyReportContent,
  type MonthlyReportEvent,
  type SendMonthlyReport,
} from './monthly-report.decider';

const EXAMPLE = EVENT_EXAMPLES.CountyMonthlyReportSent;
const CONTENT: MonthlyReportContent = {
  figures: EXAMPLE.figures,
  previousFigures: EXAMPLE.previousFigures,
  activity: EXAMPLE.activity,
  subsidies: EXAMPLE.subsidies,
  foldedTo: '900',
};
// 2026-03-01 00:30 in Guizhou: February is over.
const MARCH_FIRST = '2026-02-28T16:30:00Z';
const send = (over: Partial<SendMonthlyReport> = {}): SendMonthlyReport => ({
  type: 'SendMonthlyReport',
  countyCode: '520402',
  month: '2026-02',
  content: CONTENT,
  now: MARCH_FIRST,
  ...over,
});
const sent = (revision: number, over: Partial<MonthlyReportEvent['data']> = {}): MonthlyReportEvent => ({
  type: 'CountyMonthlyReportSent',
  data: {
    countyCode: '520402',
    month: '2026-02',
    revision,
    ...CONTENT,
    sentAt: MARCH_FIRST,
    ...(revision > 1 ? { correctionReason: '补录2月安置' } : {}),
    ...over,
  },
});

describe('the monthly report (月报)', () => {
  it('given a month that is over, when the office sends it, then its content is kept as revision 1', () => {
    given(monthlyReportDecider)
      .when(send({ note: '本月无新增零就业户' }))
      .then([sent(1, { note: '本月无新增零就业户' })]);
  });

  it('given a month still running (its last evening in Guizhou), when sent, then month_not_over', () => {
    // 2026-02-28 23:59 in Guizhou is 15:59 UTC: still February there.
    given(monthlyReportDecider)
      .when(send({ now: '2026-02-28T15:59:00Z' }))
      .thenRejects('month_not_over', /2026-02 尚未结束/);
  });

  it('given the month ended minutes ago, when sent, then month_not_over until what was begun before is written', () => {
    // 00:05 on 1 March in Guizhou: an import begun at 23:58 may still be appending February's households.
    given(monthlyReportDecider)
      .when(send({ now: '2026-02-28T16:05:00Z' }))
      .thenRejects('month_not_over', /刚结束.*2026-03-01 00:10 之后报送/);
    given(monthlyReportDecider)
      .when(send({ now: '2026-02-28T16:10:00Z' }))
      .then([sent(1, { sentAt: '2026-02-28T16:10:00Z' })]);
  });

  it('given a month sent, when sent again without a reason, then report_already_sent names the revision', () => {
    given(monthlyReportDecider, [sent(1)])
      .when(send())
      .thenRejects('report_already_sent', /已于 2026-03-01 00:30 报送（第 1 版）/, { revision: 1 });
  });

  it('given a month sent, when corrected with a reason, then a revision 2 is added and revision 1 stays', () => {
    given(monthlyReportDecider, [sent(1)])
      .when(send({ correctionReason: '补录2月安置', content: { ...CONTENT, foldedTo: '950' } }))
      .then([sent(2, { foldedTo: '950' })]);
    const state = [sent(1), sent(2)].reduce(monthlyReportDecider.evolve, monthlyReportDecider.initialState());
    expect(state.months.get('2026-02')?.map((r) => r.revision)).toEqual([1, 2]);
  });

  it('given nothing sent, when a correction is sent, then report_not_sent names the field', () => {
    given(monthlyReportDecider)
      .when(send({ correctionReason: '更正' }))
      .thenRejects('report_not_sent', /尚未报送/, { field: 'correctionReason' });
  });

  it('given January sent, when February is sent, then February is its own revision 1', () => {
    given(monthlyReportDecider, [sent(1, { month: '2026-01' })])
      .when(send())
      .then([sent(1)]);
  });
});
