import { useState, type FormEvent } from 'react';
import {
  FINDINGS,
  VERIFICATION_METHODS,
  type CaseFinding,
  type CaseVerificationMethod,
  type RecordVerificationBody,
} from '../../api-types';
import { useLang } from '../../i18n';
import { EmploymentFields, useEmployment } from './employment-fields';
import { NoteField, Options, PastTimeField, usePastTime } from './fields';
import { Field, FormFoot, useCommand, type CaseFormProps } from './form-parts';

const FIELDS = [
  'visitedAt',
  'method',
  'finding',
  'note',
  'employment',
  'employment.workerId',
  'employment.channel',
  'employment.employer',
  'employment.startDate',
  'workerIds',
];

/**
 * A check on the ground (基层核实): when (now by default, never in the future), how, what it found; the
 * employment found or the members who can no longer work when the finding changes the household's facts.
 */
export function VerifyForm({ api, c, onRecorded }: CaseFormProps) {
  const { t } = useLang();
  const [openedAtMs] = useState(() => Date.now());
  const visitedAt = usePastTime(openedAtMs);
  const [method, setMethod] = useState<CaseVerificationMethod>('home_visit');
  const [finding, setFinding] = useState<CaseFinding>('confirmed');
  const [note, setNote] = useState('');
  const candidates = c.members.filter((m) => !m.employed && m.labourCapacity !== 'none');
  const [workerId, setWorkerId] = useState(candidates[0]?.workerId ?? c.members[0]?.workerId ?? '');
  const employment = useEmployment('out_of_province', openedAtMs);
  const [noLabour, setNoLabour] = useState<string[]>([]);
  const command = useCommand(FIELDS, onRecorded);
  const err = command.errors.fields;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: RecordVerificationBody = {
      visitedAt: visitedAt.instant(),
      method,
      finding,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(finding === 'employed_elsewhere' ? { employment: { workerId, ...employment.body() } } : {}),
      ...(finding === 'no_labour' && noLabour.length > 0 ? { workerIds: noLabour } : {}),
    };
    if (await command.run(() => api.verify(c.caseId, body))) setNote('');
  };

  return (
    <form className="case-form" onSubmit={submit} data-form="verify">
      <div className="row">
        <PastTimeField label={t.visitedAt} name="visitedAt" time={visitedAt} error={err.visitedAt} />
        <Field label={t.whatFound} error={err.finding} name="finding">
          <select name="finding" value={finding} onChange={(e) => setFinding(e.target.value as CaseFinding)}>
            <Options values={FINDINGS} labels={t.finding} />
          </select>
        </Field>
      </div>
      <fieldset className="segmented" data-field="method">
        <legend>{t.howChecked}</legend>
        {VERIFICATION_METHODS.map((m) => (
          <label key={m} className={method === m ? 'on' : ''}>
            <input
              type="radio"
              name="method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
            {t.method[m]}
          </label>
        ))}
        {err.method && <p className="field-error">{err.method}</p>}
      </fieldset>
      {finding === 'employed_elsewhere' && (
        <div className="row sub-form" data-part="employment">
          <Field
            label={t.employedMember}
            error={err['employment.workerId'] ?? err.employment}
            name="employment.workerId"
          >
            <select
              name="employmentWorker"
              value={workerId}
              onChange={(e) => setWorkerId(e.target.value)}
              required
            >
              {c.members.map((m) => (
                <option key={m.workerId} value={m.workerId}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          <EmploymentFields part="employment" employment={employment} errors={err} />
        </div>
      )}
      {finding === 'no_labour' && (
        <fieldset className="sub-form checks" data-field="workerIds">
          <legend>{t.noLabourMembers}</legend>
          {c.members
            .filter((m) => m.labourCapacity !== 'none')
            .map((m) => (
              <label key={m.workerId}>
                <input
                  type="checkbox"
                  checked={noLabour.includes(m.workerId)}
                  onChange={(e) =>
                    setNoLabour((xs) =>
                      e.target.checked ? [...xs, m.workerId] : xs.filter((x) => x !== m.workerId),
                    )
                  }
                />
                {m.name}
              </label>
            ))}
          {err.workerIds && <p className="field-error">{err.workerIds}</p>}
        </fieldset>
      )}
      <NoteField value={note} onChange={setNote} error={err.note} />
      <FormFoot command={command} label={t.saveVerification} />
    </form>
  );
}
