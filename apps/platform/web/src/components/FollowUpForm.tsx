import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api';
import {
  CHANNELS,
  FOLLOW_UP_OUTCOMES,
  type Channel,
  type FollowUpDue,
  type FollowUpOutcome,
} from '../api-types';
import { useLang } from '../i18n';
import { instantOf, localDateValue, localInputValue } from '../time';
import { Field, FormFoot, useCommand } from './case/form-parts';

const FIELDS = [
  'visitedAt',
  'outcome',
  'note',
  'newEmployment',
  'newEmployment.channel',
  'newEmployment.employer',
  'newEmployment.startDate',
];

/** One visit's record: when, what became of the job, the new job if the worker changed. */
export function FollowUpForm({
  api,
  item,
  onRecorded,
  onCancel,
}: {
  api: ApiClient;
  item: FollowUpDue;
  onRecorded(position?: string): void;
  onCancel(): void;
}) {
  const { t } = useLang();
  const [visitedAt, setVisitedAt] = useState(() => localInputValue(Date.now()));
  const [outcome, setOutcome] = useState<FollowUpOutcome>('still_employed');
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<Channel>(item.channel);
  const [employer, setEmployer] = useState('');
  const [startDate, setStartDate] = useState(() => localDateValue(Date.now()));
  const command = useCommand(FIELDS, onRecorded);
  const err = command.errors.fields;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.run(() =>
      api.recordFollowUp(item.placementId, {
        visitedAt: instantOf(visitedAt, Date.now()) ?? visitedAt,
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(outcome === 'changed_job'
          ? {
              newEmployment: {
                channel,
                startDate,
                ...(employer.trim() ? { employer: employer.trim() } : {}),
              },
            }
          : {}),
      }),
    );
  };
  return (
    <form className="case-form follow-up-form" onSubmit={submit} data-form="follow-up">
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
        <Field label={t.outcomeLabel} error={err.outcome} name="outcome">
          <select
            name="outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
          >
            {FOLLOW_UP_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t.outcome[o]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {outcome === 'changed_job' && (
        <div className="row sub-form">
          <Field
            label={t.channelLabel}
            error={err['newEmployment.channel'] ?? err.newEmployment}
            name="newEmployment.channel"
          >
            <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {t.channel[ch]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.employer} error={err['newEmployment.employer']} name="newEmployment.employer">
            <input
              name="employer"
              value={employer}
              onChange={(e) => setEmployer(e.target.value)}
              maxLength={200}
            />
          </Field>
          <Field label={t.startDate} error={err['newEmployment.startDate']} name="newEmployment.startDate">
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
      <Field label={t.note} error={err.note} name="note">
        <textarea
          name="note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
        />
      </Field>
      <div className="row">
        <FormFoot command={command} label={t.saveFollowUp} />
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
