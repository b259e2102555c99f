import { useState, type FormEvent } from 'react';
import type { moneyApi, TransportSubsidyRates } from '../../api-money';
import { NO_ERRORS, type FormErrors } from '../../form-errors';
import { formatCount, useLang } from '../../i18n';
import type { MoneyWords } from '../../i18n-money';
import type { Loadable } from '../../use-dashboard-data';
import { DESTINATIONS, destinationName, ratesBodyOf, subsidyErrors } from '../../subsidy-forms';
import { Panel } from '../Panel';
import { Foot } from './SubsidyForms';

type Money = ReturnType<typeof moneyApi>;

/**
 * The county's transport-subsidy amounts by destination province (yuan per person) and its default: what an
 * approval fixes. The county office edits them; the prefecture office reads them.
 */
export function TransportRates({
  state,
  money,
  county,
  canAct,
  onSaved,
  w,
}: {
  state: Loadable<TransportSubsidyRates>;
  money: Money;
  county: string;
  canAct: boolean;
  onSaved(): void;
  w: MoneyWords;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Panel title={w.ratesTitle} state={state} className="wide rates-card">
      {(rates) =>
        editing ? (
          <RatesForm
            rates={rates}
            money={money}
            county={county}
            w={w}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              onSaved();
            }}
          />
        ) : (
          <>
            <p className="hint">{w.ratesHint}</p>
            <RatesView rates={rates} w={w} />
            {canAct && (
              <div className="row subsidy-foot">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {w.editRates}
                </button>
                {saved && (
                  <span className="saved" role="status">
                    ✓ {w.ratesSaved}
                  </span>
                )}
              </div>
            )}
          </>
        )
      }
    </Panel>
  );
}

function RatesView({ rates, w }: { rates: TransportSubsidyRates; w: MoneyWords }) {
  const { lang } = useLang();
  if (!rates.isSet) return <p className="error">{w.ratesNotSet}</p>;
  const listed = Object.entries(rates.rates).sort(([a], [b]) => a.localeCompare(b));
  return (
    <dl className="rates-list" data-testid="transport-rates">
      {listed.map(([code, yuan]) => (
        <div key={code} data-province={code}>
          <dt>{destinationName(code)}</dt>
          <dd>
            {formatCount(yuan, lang)} {w.perPerson}
          </dd>
        </div>
      ))}
      <div data-province="default">
        <dt>{w.defaultRate}</dt>
        <dd>{rates.default === null ? '—' : `${formatCount(rates.default, lang)} ${w.perPerson}`}</dd>
      </div>
    </dl>
  );
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function RatesForm({
  rates,
  money,
  county,
  w,
  onCancel,
  onSaved,
}: {
  rates: TransportSubsidyRates;
  money: Money;
  county: string;
  w: MoneyWords;
  onCancel(): void;
  onSaved(): void;
}) {
  const { lang } = useLang();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(DESTINATIONS.map((p) => [p.code, text(rates.rates[p.code])])),
  );
  const [fallback, setFallback] = useState(text(rates.default));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = ratesBodyOf(draft, fallback, w);
    if (!checked.ok) return setErrors({ fields: checked.errors });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await money.setSubsidyRates(county, checked.body);
      onSaved();
    } catch (err) {
      // The server names a province's box as `rates.440000`: the error goes next to that box.
      const fields = ['default', ...DESTINATIONS.map((p) => `rates.${p.code}`)];
      const found = subsidyErrors(err, fields, w, lang);
      const byBox = Object.fromEntries(
        Object.entries(found.fields).map(([k, v]) => [k.replace(/^rates\./, ''), v]),
      );
      setErrors({ fields: byBox, form: found.form });
    } finally {
      setBusy(false);
    }
  };
  const box = (code: string, label: string, value: string, set: (v: string) => void) => (
    <label key={code} className={`rate-box${errors.fields[code] ? ' has-error' : ''}`} data-province={code}>
      <span>{label}</span>
      <input inputMode="numeric" value={value} onChange={(e) => set(e.target.value)} aria-label={label} />
      {errors.fields[code] && (
        <span className="field-error" role="alert">
          {errors.fields[code]}
        </span>
      )}
    </label>
  );
  return (
    <form className="rates-form" data-form="rates" onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">
        {w.ratesHint}
        {w.emptyMeansNone}
      </p>
      <div className="rates-grid">
        {box('default', `${w.defaultRate}（${w.perPerson}）`, fallback, setFallback)}
        {DESTINATIONS.map((p) =>
          box(p.code, p.name, draft[p.code] ?? '', (v) => setDraft((d) => ({ ...d, [p.code]: v }))),
        )}
      </div>
      <Foot busy={busy} errors={errors} label={w.saveRates} w={w} onCancel={onCancel} />
    </form>
  );
}
