import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api';
import {
  moneyApi,
  transportSubsidiesPath,
  welfareMonthPath,
  type SubsidyStatus,
  type WelfareMonth,
} from '../api-money';
import { ExportButton } from '../components/people/ExportButton';
import { ErrorNote, Panel } from '../components/Panel';
import { formatCount, useLang } from '../i18n';
import { moneyWords, type MoneyWords } from '../i18n-money';
import { areaName } from '../regions';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { Back } from './People';

const STATUSES: readonly SubsidyStatus[] = ['eligible', 'claimed', 'approved', 'rejected', 'paid'];
const yuan = (n: number) => n.toFixed(2);

/** Last month in Guizhou (UTC+8), YYYY-MM: the month a payroll is confirmed for. */
export function lastMonth(nowMs = Date.now()): string {
  const now = new Date(nowMs + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** The county office's money: the transport-subsidy ledger and the public-welfare payroll of a month. */
export function SubsidiesPage({ api, session }: { api: ApiClient; session: Session }) {
  const { lang } = useLang();
  const w = moneyWords(lang);
  const county = session.role === 'county_office' ? session.countyCode : undefined;
  if (!county) {
    return (
      <main className="detail">
        <Back />
        <p className="card muted">{w.countyOfficeOnly}</p>
      </main>
    );
  }
  const money = moneyApi(session.token);
  return (
    <main className="detail subsidies-page">
      <Back />
      <h2 className="area-name">
        {w.moneyTitle} · {areaName(county, lang)}
      </h2>
      <TransportLedger api={api} money={money} county={county} w={w} />
      <WelfarePayroll api={api} money={money} county={county} w={w} />
    </main>
  );
}

type Money = ReturnType<typeof moneyApi>;

function TransportLedger({
  api,
  money,
  county,
  w,
}: {
  api: ApiClient;
  money: Money;
  county: string;
  w: MoneyWords;
}) {
  const { lang } = useLang();
  const [status, setStatus] = useState<SubsidyStatus | undefined>();
  const [year, setYear] = useState<number>(() => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
  const ledger = useLoad(
    (signal) => money.transportSubsidies(county, { status, year }, signal),
    `${county}:${status}:${year}`,
    // The filters are drawn with the data: keep it on screen while another year or status loads.
    true,
  );
  return (
    <Panel
      title={w.transportTitle}
      state={ledger}
      className="wide"
      extra={
        <ExportButton
          fetchFile={() => api.exportXlsx(transportSubsidiesPath(county, { status, year }))}
          filename={`交通补贴台账-${county}-${year}.xlsx`}
          label={w.exportSheet}
        />
      }
    >
      {(data) => (
        <>
          <p className="hint">{w.transportHint}</p>
          <div className="filters">
            <label>
              {w.year}{' '}
              <input
                type="number"
                min={2016}
                max={2100}
                value={year}
                onChange={(e) => setYear(Number(e.target.value) || year)}
                style={{ width: '6em' }}
              />
            </label>{' '}
            <select
              aria-label={w.allStatuses}
              value={status ?? ''}
              onChange={(e) => setStatus((e.target.value || undefined) as SubsidyStatus | undefined)}
            >
              <option value="">{w.allStatuses}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {w.status[s]}
                </option>
              ))}
            </select>
          </div>
          <p data-testid="transport-totals">
            {w.totalsLine({
              eligible: data.totals.eligible.count,
              claimed: data.totals.claimed.count,
              approvedYuan: data.totals.approved.yuan,
              paidYuan: data.totals.paid.yuan,
            })}
          </p>
          {data.items.length === 0 ? (
            <p className="muted">{w.noSubsidies}</p>
          ) : (
            <div className="table-scroll">
              <table className="ledger" data-testid="transport-subsidies">
                <thead>
                  <tr>
                    <th>{w.worker}</th>
                    <th className="wide-only">{w.year}</th>
                    <th>{w.destination}</th>
                    <th className="wide-only">{w.travelDate}</th>
                    <th className="num">{w.amount}</th>
                    <th className="wide-only">{w.paidAt}</th>
                    <th>{w.statusColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.subsidyId}>
                      <td>{s.workerName}</td>
                      <td className="wide-only">{s.year}</td>
                      <td>{s.destinationProvinceName ?? '—'}</td>
                      <td className="wide-only">{s.travelDate ?? '—'}</td>
                      <td className="num">{s.amount === null ? '—' : formatCount(s.amount, lang)}</td>
                      <td className="wide-only">{s.paidAt ?? '—'}</td>
                      <td title={s.rejectionReason ?? undefined}>{w.status[s.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}

function WelfarePayroll({
  api,
  money,
  county,
  w,
}: {
  api: ApiClient;
  money: Money;
  county: string;
  w: MoneyWords;
}) {
  const [month, setMonth] = useState(() => lastMonth());
  const [version, setVersion] = useState(0);
  const view = useLoad(
    (signal) => money.welfareMonth(county, month, signal),
    `${county}:${month}:${version}`,
    true,
  );
  return (
    <Panel
      title={w.welfareTitle}
      state={view}
      className="wide"
      extra={
        <ExportButton
          fetchFile={() => api.exportXlsx(welfareMonthPath(county, month))}
          filename={`公益性岗位补贴-${county}-${month}.xlsx`}
          label={w.exportSheet}
        />
      }
    >
      {(data) => (
        <>
          <p className="hint">{w.welfareHint}</p>
          <div className="filters">
            <label>
              {w.month}{' '}
              <input
                type="month"
                value={month}
                onChange={(e) => e.target.value && setMonth(e.target.value)}
              />
            </label>{' '}
            <span
              className={`badge month-${data.status}`}
              data-testid="welfare-status"
              data-status={data.status}
            >
              {w.monthStatus[data.status]}
            </span>
          </div>
          <WelfareLines data={data} w={w} />
          <WelfareActions data={data} money={money} w={w} onDone={() => setVersion((v) => v + 1)} />
        </>
      )}
    </Panel>
  );
}

function WelfareLines({ data, w }: { data: WelfareMonth; w: MoneyWords }) {
  if (data.items.length === 0) return <p className="muted">{w.noHolders}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="ledger" data-testid="welfare-lines">
          <thead>
            <tr>
              <th>{w.worker}</th>
              <th className="num">{w.days}</th>
              <th className="num">{w.monthlySubsidy}</th>
              <th className="num">{w.due}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((l) => (
              <tr key={l.placementId}>
                <td>{l.name}</td>
                <td className="num">
                  {l.daysInPost} / {l.daysInMonth}
                </td>
                <td className="num">{l.monthlySubsidy}</td>
                <td className="num">{yuan(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="welfare-totals">{w.holders(data.totals.holders, yuan(data.totals.amount))}</p>
    </>
  );
}

/** Confirm the draft as it stands (once the month is over), then record its payment: each once. */
function WelfareActions({
  data,
  money,
  w,
  onDone,
}: {
  data: WelfareMonth;
  money: Money;
  w: MoneyWords;
  onDone(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [reference, setReference] = useState('');
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const failure =
    error instanceof ApiError && error.status < 500 ? (
      <p className="error" role="alert" data-error={error.code}>
        {error.message}
      </p>
    ) : (
      error && <ErrorNote error={error} />
    );
  if (data.status === 'paid' && data.paid) {
    return <p className="all-clear">{w.paidNote(yuan(data.paid.total), data.paid.reference)}</p>;
  }
  if (data.status === 'open') {
    if (data.items.length === 0) return null;
    const entries = data.items.map((l) => ({ placementId: l.placementId, daysInPost: l.daysInPost }));
    return (
      <>
        <button
          type="button"
          disabled={busy}
          onClick={() => run(() => money.confirmWelfareMonth(data.countyCode, data.month, entries))}
        >
          {busy ? w.confirming : w.confirm}
        </button>
        {failure}
      </>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      money.payWelfareMonth(data.countyCode, data.month, {
        total: data.totals.amount,
        paidAt: new Date().toISOString(),
        reference: reference.trim(),
      }),
    );
  };
  return (
    <form className="pay-form" onSubmit={submit}>
      <label>
        {w.reference}{' '}
        <input value={reference} onChange={(e) => setReference(e.target.value)} required maxLength={100} />
      </label>{' '}
      <button type="submit" disabled={busy || !reference.trim()}>
        {w.pay}
      </button>
      {failure}
    </form>
  );
}
