import { useState } from 'react';
import { reportsApi, type MonthlyReport, type PrefectureReports } from '../api-reports';
import { Link } from '../components/Link';
import { ExportButton } from '../components/people/ExportButton';
import { Panel } from '../components/Panel';
import { Breakdowns } from '../components/reports/Breakdowns';
import { ReportHistoryChart } from '../components/reports/ReportHistoryChart';
import { ReportSheet } from '../components/reports/ReportSheet';
import { SendReport } from '../components/reports/SendReport';
import { formatPercent, useLang } from '../i18n';
import { reportWords, type ReportWords } from '../i18n-reports';
import { areaName, countiesOfPrefecture } from '../regions';
import { lastMonth, recentMonths } from '../guizhou-dates';
import { navigate } from '../router';
import type { Session } from '../session';
import { formatWhen } from '../time';
import { useLoad } from '../use-load';
import { Back } from './People';

type Reports = ReturnType<typeof reportsApi>;

/**
 * The monthly report (月报). A county office sees its county's month (as sent, or the draft it sends), its
 * versions and the months sent as a chart; a prefecture office sees which of its counties have sent a month
 * and opens each, read only.
 */
export function MonthlyReportPage({
  session,
  county,
  month,
}: {
  session: Session;
  county?: string;
  month?: string;
}) {
  const { lang } = useLang();
  const w = reportWords(lang);
  const reports = reportsApi(session.token);
  const shown = month ?? lastMonth();
  const own = session.role === 'county_office' ? session.countyCode : undefined;
  const prefecture = session.role === 'prefecture_office' ? session.prefectureCode : undefined;
  const inPrefecture =
    county !== undefined &&
    prefecture !== undefined &&
    countiesOfPrefecture(prefecture).some((c) => c.code === county);
  const target = own ?? (inPrefecture || session.role === 'admin' ? county : undefined);
  if (target) {
    return (
      <main className="detail reports-page">
        {prefecture ? <Link to={{ page: 'reports', month: shown }}>← {w.back}</Link> : <Back />}
        <h2 className="area-name">
          {w.title} · {areaName(target, lang)}
        </h2>
        <p className="hint">{w.hint}</p>
        <CountyMonth reports={reports} county={target} month={shown} canSend={own === target} w={w} />
        <History reports={reports} county={target} w={w} />
        <Breakdowns token={session.token} county={target} w={w} />
      </main>
    );
  }
  if (prefecture) {
    return (
      <main className="detail reports-page">
        <Back />
        <h2 className="area-name">
          {w.title} · {areaName(prefecture, lang)}
        </h2>
        <PrefectureMonth reports={reports} prefecture={prefecture} month={shown} w={w} />
      </main>
    );
  }
  return (
    <main className="detail">
      <Back />
      <p className="card muted">{w.notAllowed}</p>
    </main>
  );
}

function MonthPicker({ month, onPick, w }: { month: string; onPick(month: string): void; w: ReportWords }) {
  return (
    <label className="filters">
      {w.month}{' '}
      <select value={month} onChange={(e) => onPick(e.target.value)} data-testid="report-month">
        {recentMonths(13).map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </label>
  );
}

function statusLine(report: MonthlyReport, w: ReportWords, lang: 'zh' | 'en'): string {
  if (report.sent) return w.status.sent(report.sent.revision, formatWhen(report.sent.sentAt, lang));
  return report.monthOver ? w.status.draft : w.status.running;
}

function CountyMonth({
  reports,
  county,
  month,
  canSend,
  w,
}: {
  reports: Reports;
  county: string;
  month: string;
  canSend: boolean;
  w: ReportWords;
}) {
  const { lang } = useLang();
  const [version, setVersion] = useState(0);
  const view = useLoad(
    (signal) => reports.month(county, month, signal),
    `${county}:${month}:${version}`,
    true,
  );
  const pick = (next: string) => navigate({ page: 'reports', county, month: next });
  return (
    <Panel
      title={`${w.title} · ${month}`}
      state={view}
      className="wide"
      extra={
        <ExportButton
          fetchFile={() => reports.sheet(county, month)}
          filename={`就业帮扶月报-${county}-${month}.xlsx`}
          label={w.exportSheet}
        />
      }
    >
      {(report) => {
        const content = report.sent ?? report.draft;
        return (
          <>
            <MonthPicker month={month} onPick={pick} w={w} />
            <p>
              <span
                className={`badge report-${report.status}`}
                data-testid="report-status"
                data-status={report.status}
              >
                {statusLine(report, w, lang)}
              </span>
            </p>
            {report.sent?.note && <p className="report-note">{report.sent.note}</p>}
            {content && <ReportSheet report={content} w={w} />}
            {canSend && (
              <SendReport
                report={report}
                w={w}
                send={(body) => reports.send(county, month, body)}
                onSent={() => setVersion((v) => v + 1)}
              />
            )}
            {report.revisions.length > 0 && (
              <section>
                <h3>{w.revisions}</h3>
                <ol className="plain" data-testid="report-revisions">
                  {report.revisions.map((r) => (
                    <li key={r.revision}>
                      {w.revisionLine(r.revision, formatWhen(r.sentAt, lang), r.correctionReason)}
                      {r.note && <span className="muted"> · {r.note}</span>}
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </>
        );
      }}
    </Panel>
  );
}

function History({ reports, county, w }: { reports: Reports; county: string; w: ReportWords }) {
  const history = useLoad((signal) => reports.history(county, signal), county);
  return (
    <Panel title={w.historyTitle} state={history} className="wide">
      {(data) => <ReportHistoryChart reports={data.items} w={w} />}
    </Panel>
  );
}

function PrefectureMonth({
  reports,
  prefecture,
  month,
  w,
}: {
  reports: Reports;
  prefecture: string;
  month: string;
  w: ReportWords;
}) {
  const { lang } = useLang();
  const view = useLoad<PrefectureReports>(
    (signal) => reports.prefecture(prefecture, month, signal),
    `${prefecture}:${month}`,
    true,
  );
  return (
    <Panel title={w.prefectureTitle} state={view} className="wide">
      {(data) => (
        <>
          <MonthPicker month={month} onPick={(next) => navigate({ page: 'reports', month: next })} w={w} />
          <p data-testid="prefecture-sent">
            {w.sentCount(data.items.filter((i) => i.status === 'sent').length, data.items.length)}
          </p>
          <div className="table-scroll">
            <table className="ledger" data-testid="prefecture-reports">
              <thead>
                <tr>
                  <th>{w.county}</th>
                  <th>{w.sentAt}</th>
                  <th className="num">{w.figures.zeroEmploymentHouseholds}</th>
                  <th className="num wide-only">{w.figures.employmentRate}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.countyCode} data-status={i.status}>
                    <td>
                      <Link to={{ page: 'reports', county: i.countyCode, month }}>
                        {areaName(i.countyCode, lang)}
                      </Link>
                    </td>
                    <td className={i.status === 'sent' ? undefined : 'overdue'}>
                      {i.sentAt ? formatWhen(i.sentAt, lang) : w.notSent}
                    </td>
                    <td className="num">{i.zeroEmploymentHouseholds ?? '—'}</td>
                    <td className="num wide-only">
                      {i.employmentRate === null ? '—' : formatPercent(i.employmentRate)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
