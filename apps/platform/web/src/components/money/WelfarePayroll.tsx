import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../../api';
import { welfareMonthPath, type moneyApi, type WelfareMonth } from '../../api-money';
import type { MoneyWords } from '../../i18n-money';
import { lastMonth } from '../../guizhou-dates';
import { useLoad } from '../../use-load';
import { ExportButton } from '../people/ExportButton';
import { ErrorNote, Panel } from '../Panel';

type Money = ReturnType<typeof moneyApi>;
const yuan = (n: number) => n.toFixed(2);

/** The public-welfare payroll of a month (在岗领补): drafted from who held a post, confirmed once, paid once. */
export function WelfarePayroll({
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
