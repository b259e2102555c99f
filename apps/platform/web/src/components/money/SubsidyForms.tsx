import { useState, type FormEvent, type ReactNode } from 'react';
import type { Recorded } from '../../api';
import type { moneyApi, TransportSubsidyLine, TransportSubsidyRates } from '../../api-money';
import { NO_ERRORS, type FormErrors } from '../../form-errors';
import { useLang } from '../../i18n';
import { moneyWords, type MoneyWords } from '../../i18n-money';
import {
  claimErrors,
  DESTINATIONS,
  destinationName,
  payErrors,
  rateFor,
  subsidyErrors,
} from '../../subsidy-forms';
import { guizhouDay, guizhouToday } from '../../guizhou-dates';
import { Field } from '../case/form-parts';

type Money = ReturnType<typeof moneyApi>;

export interface SubsidyFormProps {
  money: Money;
  line: TransportSubsidyLine;
  /** Called with the position the command answered: the ledger re-reads at it. */
  onDone(position: string): void;
  onCancel(): void;
}

/**
 * A form's sending: its own checks first, then the command; a refusal is kept next to its fields (or on top)
 * and what was typed stays, so the official corrects it instead of typing it again.
 */
function useSend(fields: readonly string[], onDone: (position: string) => void) {
  const { lang } = useLang();
  const w = moneyWords(lang);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const send = async (checked: Record<string, string>, command: () => Promise<Recorded>) => {
    if (Object.keys(checked).length > 0) return setErrors({ fields: checked });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const { position } = await command();
      onDone(position);
    } catch (e) {
      setErrors(subsidyErrors(e, fields, w, lang));
    } finally {
      setBusy(false);
    }
  };
  return { w, busy, errors, send };
}

/** A form's last row: its submit (or `children`), cancel, and the refusal that names no field. */
export function Foot({
  busy,
  errors,
  label,
  w,
  onCancel,
  children,
}: {
  busy: boolean;
  errors: FormErrors;
  label?: string;
  w: MoneyWords;
  onCancel(): void;
  children?: ReactNode;
}) {
  return (
    <div className="row subsidy-foot">
      {children ?? (
        <button type="submit" disabled={busy}>
          {busy ? w.sending : label}
        </button>
      )}
      <button type="button" className="secondary" onClick={onCancel}>
        {w.cancel}
      </button>
      {errors.form && (
        <p className="form-error" role="alert" data-error="form">
          {errors.form}
        </p>
      )}
    </div>
  );
}

/** 申领: the day the worker travelled out and the province they went to. */
export function ClaimForm({ money, line, onDone, onCancel }: SubsidyFormProps) {
  const today = guizhouToday();
  const [travelDate, setTravelDate] = useState(line.travelDate ?? today);
  const [province, setProvince] = useState(line.destinationProvince ?? '');
  const { w, busy, errors, send } = useSend(['travelDate', 'destinationProvince'], onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const draft = { travelDate, destinationProvince: province };
    void send(claimErrors(draft, line.year, today, w), () => money.claimSubsidy(line.subsidyId, draft));
  };
  return (
    <form className="case-form subsidy-form" data-form="claim" onSubmit={submit} noValidate>
      <p className="form-title">{w.claimFor(line.workerName, line.year)}</p>
      {line.status === 'rejected' && line.rejectionReason && (
        <p className="hint">{w.rejectedBecause(line.rejectionReason)}</p>
      )}
      <div className="row">
        <Field label={w.travelDate} name="travelDate" error={errors.fields.travelDate}>
          <input
            type="date"
            name="travelDate"
            value={travelDate}
            min={`${line.year}-01-01`}
            max={today}
            onChange={(e) => setTravelDate(e.target.value)}
          />
        </Field>
        <Field label={w.destination} name="destinationProvince" error={errors.fields.destinationProvince}>
          <select name="destinationProvince" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{w.chooseProvince}</option>
            {DESTINATIONS.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Foot busy={busy} errors={errors} label={w.submitClaim} w={w} onCancel={onCancel} />
    </form>
  );
}

/** 审核: approve at the amount the county's rates give (shown first), or reject with a reason. */
export function ReviewForm({
  money,
  line,
  rates,
  onDone,
  onCancel,
}: SubsidyFormProps & { rates: TransportSubsidyRates | undefined }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { w, busy, errors, send } = useSend(['reason'], onDone);
  const province = destinationName(line.destinationProvince ?? '');
  const amount = rateFor(rates, line.destinationProvince ?? '');
  const approve = () => void send({}, () => money.reviewSubsidy(line.subsidyId, { decision: 'approve' }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    void send(text ? {} : { reason: w.check.required }, () =>
      money.reviewSubsidy(line.subsidyId, { decision: 'reject', reason: text }),
    );
  };
  return (
    <form className="case-form subsidy-form" data-form="review" onSubmit={submit} noValidate>
      <p className="form-title">{w.reviewFor(line.workerName)}</p>
      <p className="hint">{w.claimedTo(province, line.travelDate ?? '—')}</p>
      {amount === undefined ? (
        <p className="error" data-testid="no-rate">
          {w.noRateFor(province)}
        </p>
      ) : (
        <p className="approve-amount" data-testid="approve-amount" data-amount={amount}>
          {w.approveAmount(amount, province)}
        </p>
      )}
      {rejecting && (
        <Field label={w.rejectReason} name="reason" error={errors.fields.reason}>
          <textarea
            name="reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      )}
      <Foot busy={busy} errors={errors} w={w} onCancel={onCancel}>
        {rejecting ? (
          <button type="submit" className="danger" disabled={busy}>
            {busy ? w.sending : w.submitReject}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy || amount === undefined} onClick={approve}>
              {busy ? w.sending : w.approve}
            </button>
            <button type="button" className="secondary" onClick={() => setRejecting(true)}>
              {w.reject}
            </button>
          </>
        )}
      </Foot>
    </form>
  );
}

/** 发放: the amount approved (prefilled), the day paid (today by default, never ahead), the bank batch. */
export function PayForm({ money, line, onDone, onCancel }: SubsidyFormProps) {
  const today = guizhouToday();
  const [amount, setAmount] = useState(line.amount === null ? '' : String(line.amount));
  const [paidAt, setPaidAt] = useState(today);
  const [reference, setReference] = useState('');
  const approvedDay = line.approvedAt ? guizhouDay(line.approvedAt) : `${line.year}-01-01`;
  const { w, busy, errors, send } = useSend(['amount', 'paidAt', 'reference'], onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const draft = { amount, paidAt, reference };
    void send(payErrors(draft, approvedDay, today, w), () =>
      money.paySubsidy(line.subsidyId, {
        amount: Number(amount.trim()),
        paidAt,
        reference: reference.trim(),
      }),
    );
  };
  return (
    <form className="case-form subsidy-form" data-form="pay" onSubmit={submit} noValidate>
      <p className="form-title">{w.payFor(line.workerName)}</p>
      <div className="row">
        <Field label={w.paidAmount} name="amount" error={errors.fields.amount}>
          <input
            name="amount"
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </Field>
        <Field label={w.paidAt} name="paidAt" error={errors.fields.paidAt}>
          <input
            type="date"
            name="paidAt"
            value={paidAt}
            min={approvedDay}
            max={today}
            onChange={(e) => setPaidAt(e.target.value)}
          />
        </Field>
        <Field label={w.bankBatch} name="reference" error={errors.fields.reference}>
          <input
            name="reference"
            maxLength={200}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </Field>
      </div>
      <Foot busy={busy} errors={errors} label={w.submitPay} w={w} onCancel={onCancel} />
    </form>
  );
}
