import { useEffect, useRef } from 'react';
import type { moneyApi, SubsidyStatus, TransportSubsidyLine, TransportSubsidyRates } from '../../api-money';
import { formatCount, useLang } from '../../i18n';
import type { MoneyWords } from '../../i18n-money';
import { ClaimForm, PayForm, ReviewForm } from './SubsidyForms';

type Money = ReturnType<typeof moneyApi>;
type Step = 'claim' | 'review' | 'pay';

/** The step a line waits for, and its button's words; a paid line waits for nothing. */
function nextStep(status: SubsidyStatus, w: MoneyWords): { step: Step; label: string } | undefined {
  switch (status) {
    case 'eligible':
      return { step: 'claim', label: w.claim };
    case 'rejected':
      return { step: 'claim', label: w.reclaim };
    case 'claimed':
      return { step: 'review', label: w.review };
    case 'approved':
      return { step: 'pay', label: w.payOut };
    case 'paid':
      return undefined;
  }
}

const COLUMNS = 8;

/** One subsidy's line of the ledger; for the office that may act, its next step's button and form under it. */
export function LedgerRow({
  line: s,
  money,
  rates,
  canAct,
  open,
  onToggle,
  onDone,
  w,
}: {
  line: TransportSubsidyLine;
  money: Money;
  rates: TransportSubsidyRates | undefined;
  canAct: boolean;
  open: boolean;
  onToggle(): void;
  onDone(position: string): void;
  w: MoneyWords;
}) {
  const { lang } = useLang();
  const next = canAct ? nextStep(s.status, w) : undefined;
  const props = { money, line: s, onDone, onCancel: onToggle };
  const note = s.status === 'rejected' && s.rejectionReason && !open;
  // The ledger scrolls in its own box: a form opened on a line near its foot is brought into view.
  const formRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (open) formRow.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  return (
    <>
      <tr
        data-subsidy={s.subsidyId}
        data-status={s.status}
        className={[open && 'open', note && 'has-note'].filter(Boolean).join(' ') || undefined}
      >
        <td>{s.workerName}</td>
        <td className="wide-only">{s.year}</td>
        <td>{s.destinationProvinceName ?? '—'}</td>
        <td className="wide-only">{s.travelDate ?? '—'}</td>
        <td className="num">{s.amount === null ? '—' : formatCount(s.amount, lang)}</td>
        <td className="wide-only" title={s.reference ?? undefined}>
          {s.paidAt ?? '—'}
        </td>
        <td title={s.rejectionReason ?? undefined}>{w.status[s.status]}</td>
        {canAct && (
          <td className="actions">
            {next && (
              <button
                type="button"
                className={open ? 'secondary small' : 'small'}
                aria-expanded={open}
                data-step={next.step}
                onClick={onToggle}
              >
                {open ? w.close : next.label}
              </button>
            )}
          </td>
        )}
      </tr>
      {note && (
        <tr className="note-row">
          <td colSpan={COLUMNS} className="muted">
            {w.rejectedBecause(s.rejectionReason ?? '')}
          </td>
        </tr>
      )}
      {open && next && (
        <tr className="action-row" ref={formRow}>
          <td colSpan={COLUMNS}>
            {next.step === 'claim' ? (
              <ClaimForm {...props} />
            ) : next.step === 'review' ? (
              <ReviewForm {...props} rates={rates} />
            ) : (
              <PayForm {...props} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
