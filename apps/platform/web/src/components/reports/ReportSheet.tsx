import type { ReportContent, ReportFigures } from '../../api-reports';
import { formatCount, formatPercent, useLang } from '../../i18n';
import type { ReportWords } from '../../i18n-reports';

const ROWS = [
  'households',
  'householdsWithLabour',
  'coveredHouseholds',
  'zeroEmploymentHouseholds',
  'labourCapableWorkers',
  'employedWorkers',
  'jobSeekers',
  'jobSeekersWith131',
] as const satisfies readonly (keyof ReportFigures)[];

const signed = (n: number, lang: 'zh' | 'en') =>
  n > 0 ? `+${formatCount(n, lang)}` : n < 0 ? `−${formatCount(-n, lang)}` : '0';
const yuan = (n: number) => n.toFixed(2);

/** A report's content as the office sends it: the figures at both month ends, the month's work and money. */
export function ReportSheet({ report, w }: { report: ReportContent; w: ReportWords }) {
  const { lang } = useLang();
  const { figures, previousFigures: before, activity, subsidies } = report;
  const rateChange = (figures.employmentRate - before.employmentRate) * 100;
  return (
    <div className="report-sheet">
      <div className="table-scroll">
        <table className="ledger" data-testid="report-figures">
          <thead>
            <tr>
              <th>{w.indicator}</th>
              <th className="num">{w.previous}</th>
              <th className="num">{w.current}</th>
              <th className="num">{w.change}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((key) => (
              <tr
                key={key}
                data-figure={key}
                className={key === 'zeroEmploymentHouseholds' ? 'key-figure' : undefined}
              >
                <td>{w.figures[key]}</td>
                <td className="num">{formatCount(before[key], lang)}</td>
                <td className="num">{formatCount(figures[key], lang)}</td>
                <td className="num">{signed(figures[key] - before[key], lang)}</td>
              </tr>
            ))}
            <tr data-figure="employmentRate">
              <td>{w.figures.employmentRate}</td>
              <td className="num">{formatPercent(before.employmentRate)}</td>
              <td className="num">{formatPercent(figures.employmentRate)}</td>
              <td className="num">{`${rateChange >= 0 ? '+' : '−'}${Math.abs(rateChange).toFixed(1)}`}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="report-columns">
        <section>
          <h3>{w.activityTitle}</h3>
          <ul className="plain" data-testid="report-activity">
            {(['placements', 'employmentsReported', 'employmentsEnded', 'trainingsCompleted'] as const).map(
              (key) => (
                <li key={key}>
                  {w.activity[key]}：<strong>{formatCount(activity[key], lang)}</strong>
                </li>
              ),
            )}
          </ul>
        </section>
        <section>
          <h3>{w.moneyTitle}</h3>
          <ul className="plain" data-testid="report-money">
            <li>{w.transportPaid(subsidies.transportPaid.count, yuan(subsidies.transportPaid.amount))}</li>
            <li>
              {w.welfare(
                w.welfareStatus[subsidies.welfare.status],
                subsidies.welfare.holders,
                yuan(subsidies.welfare.amountFen / 100),
              )}
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
