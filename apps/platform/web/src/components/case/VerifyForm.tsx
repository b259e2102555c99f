import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api';
import {
  CHANNELS,
  FINDINGS,
  VERIFICATION_METHODS,
  type CaseFinding,
  type CaseVerificationMethod,
  type Channel,
  type RecordVerificationBody,
  type ZeroEmploymentCaseDetail,
} from '../../api-types';
import { useLang } from '../../i18n';
import { instantOf, localDateValue, localInputValue } from '../../time';
import { Field, FormFoot, useCommand } from './form-parts';

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
export function VerifyForm({
  api,
  c,
  onRecorded,
}: {
  api: ApiClient;
  c: ZeroEmploymentCaseDetail;
  onRecorded(position?: string): void;
}) {
  const { t } = useLang();
  const [openedAtMs] = useState(() => Date.now());
  const [visitedAt, setVisitedAt] = useState(() => localInputValue(openedAtMs));
  const [method, setMethod] = useState<CaseVerificationMethod>('home_visit');
  const [finding, setFinding] = useState<CaseFinding>('confirmed');
  const [note, setNote] = useState('');
  const candidates = c.members.filter((m) => !m.employed && m.labourCapacity !== 'none');
  const [workerId, setWorkerId] = useState(candidates[0]?.workerId ?? c.members[0]?.workerId ?? '');
  const [channel, setChannel] = useState<Channel>('out_of_province');
  const [employer, setEmployer] = useState('');
  const [startDate, setStartDate] = useState(() => localDateValue(openedAtMs));
  const [noLabour, setNoLabour] = useState<string[]>([]);
  const command = useCommand(FIELDS, onRecorded);
  const err = command.errors.fields;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: RecordVerificationBody = {
      visitedAt: instantOf(visitedAt, Date.now()) ?? visitedAt,
      method,
      finding,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(finding === 'employed_elsewhere'
        ? {
            employment: {
              workerId,
              channel,
              startDate,
              ...(employer.trim() ? { employer: employer.trim() } : {}),
            },
          }
        : {}),
      ...(finding === 'no_labour' && noLabour.length > 0 ? { workerIds: noLabour } : {}),
    };
    if (await command.run(() => api.verify(c.caseId, body))) setNote('');
  };

  return (
    <form className="case-form" onSubmit={submit} data-form="verify">
      <div className="row">
        <Field label={t.visitedAt} error={err.visitedAt} name="visitedAt">
          <input
            type="datetime-local"
            name="visitedAt"
            value={visitedAt}
            max={localInputValue(Date.now())}
            onChange={(e) => setVisitedAt(e.target.value)}
            required
          />
        </Field>
        <Field label={t.whatFound} error={err.finding} name="finding">
          <select name="finding" value={finding} onChange={(e) => setFinding(e.target.value as CaseFinding)}>
            {FINDINGS.map((f) => (
              <option key={f} value={f}>
                {t.finding[f]}
              </option>
            ))}
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
          <Field label={t.channelLabel} error={err['employment.channel']} name="employment.channel">
            <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {t.channel[ch]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.employer} error={err['employment.employer']} name="employment.employer">
            <input
              name="employer"
              value={employer}
              onChange={(e) => setEmployer(e.target.value)}
              maxLength={200}
            />
          </Field>
          <Field label={t.startDate} error={err['employment.startDate']} name="employment.startDate">
            <input
              type="date"
              name="startDate"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              required
            />
          </Field>
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
      <Field label={t.note} error={err.note} name="note">
        <textarea
          name="note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
        />
      </Field>
      <FormFoot command={command} label={t.saveVerification} />
    </form>
  );
}
