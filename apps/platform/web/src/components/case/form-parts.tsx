import { useState, type ReactNode } from 'react';
import { ApiError, type ApiClient, type Recorded } from '../../api';
import type { ZeroEmploymentCaseDetail } from '../../api-types';
import { formErrors, NO_ERRORS, type FormErrors } from '../../form-errors';
import { useLang } from '../../i18n';

/** A labelled input with the error the platform gave for it, right under it. */
export function Field({
  label,
  error,
  children,
  name,
}: {
  label: string;
  error?: string;
  children: ReactNode;
  name: string;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-field={name}>
      <label>
        <span className="field-label">{label}</span>
        {children}
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What a form on a case's page is given: the client, the case, and what to do once a record is made. */
export interface CaseFormProps {
  api: ApiClient;
  c: ZeroEmploymentCaseDetail;
  onRecorded(position?: string): void;
}

export interface Command {
  readonly busy: boolean;
  readonly saved: boolean;
  readonly errors: FormErrors;
  run(send: () => Promise<Recorded>): Promise<boolean>;
}

/**
 * A form's command: sends it, then hands the position to `onRecorded` (the page re-reads at it); a refusal
 * becomes the form's errors, each next to the field its issue names. A closed case re-reads the page too.
 */
export function useCommand(fields: readonly string[], onRecorded: (position?: string) => void): Command {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const run = async (send: () => Promise<Recorded>) => {
    setBusy(true);
    setSaved(false);
    setErrors(NO_ERRORS);
    try {
      const { position } = await send();
      setSaved(true);
      onRecorded(position);
      return true;
    } catch (e) {
      setErrors(formErrors(e, fields, t.error, lang));
      if (e instanceof ApiError && e.code === 'case_closed') onRecorded();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, saved, errors, run };
}

/** The submit button, with what became of the last try. */
export function FormFoot({ command, label }: { command: Command; label: string }) {
  const { t } = useLang();
  return (
    <div className="form-foot">
      <button type="submit" disabled={command.busy}>
        {command.busy ? t.saving : label}
      </button>
      {command.saved && !command.busy && (
        <span className="saved" role="status">
          ✓ {t.saved}
        </span>
      )}
      {command.errors.form && (
        <p className="form-error" role="alert" data-error="form">
          {command.errors.form}
        </p>
      )}
    </div>
  );
}
