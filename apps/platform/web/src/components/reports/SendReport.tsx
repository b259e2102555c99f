import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import type { MonthlyReport } from '../../api-reports';
import type { ReportWords } from '../../i18n-reports';
import { ErrorNote } from '../Panel';

/**
 * Send the month's report once it is over (remarks optional); once sent, correct it: the reason is required
 * and the report goes again as a new version. The server compiles what is sent; the form sends only words.
 */
export function SendReport({
  report,
  w,
  send,
  onSent,
}: {
  report: MonthlyReport;
  w: ReportWords;
  send(body: { note?: string; correctionReason?: string }): Promise<unknown>;
  onSent(): void;
}) {
  const correcting = report.status === 'sent';
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  if (!report.monthOver) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await send({
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(correcting ? { correctionReason: reason.trim() } : {}),
      });
      setNote('');
      setReason('');
      onSent();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="send-report" onSubmit={submit} data-testid="send-report">
      {correcting && (
        <label>
          {w.correctionReason}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
        </label>
      )}
      <label>
        {w.note}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} />
      </label>
      <button type="submit" disabled={busy || (correcting && !reason.trim())}>
        {busy ? w.sending : correcting ? w.correct : w.send}
      </button>
      {error instanceof ApiError && error.status < 500 ? (
        <p className="error" role="alert" data-error={error.code}>
          {error.message}
        </p>
      ) : (
        error && <ErrorNote error={error} />
      )}
    </form>
  );
}
