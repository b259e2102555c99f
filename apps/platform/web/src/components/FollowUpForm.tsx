import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api';
import { FOLLOW_UP_OUTCOMES, type FollowUpDue, type FollowUpOutcome } from '../api-types';
import { useLang } from '../i18n';
import { EmploymentFields, useEmployment } from './case/employment-fields';
import { NoteField, Options, PastTimeField, usePastTime } from './case/fields';
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
  const visitedAt = usePastTime();
  const [outcome, setOutcome] = useState<FollowUpOutcome>('still_employed');
  const [note, setNote] = useState('');
  const newJob = useEmployment(item.channel);
  const command = useCommand(FIELDS, onRecorded);
  const err = command.errors.fields;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.run(() =>
      api.recordFollowUp(item.placementId, {
        visitedAt: visitedAt.instant(),
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(outcome === 'changed_job' ? { newEmployment: newJob.body() } : {}),
      }),
    );
  };
  return (
    <form className="case-form follow-up-form" onSubmit={submit} data-form="follow-up">
      <div className="row">
        <PastTimeField label={t.followUpAt} name="visitedAt" time={visitedAt} error={err.visitedAt} />
        <Field label={t.outcomeLabel} error={err.outcome} name="outcome">
          <select
            name="outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
          >
            <Options values={FOLLOW_UP_OUTCOMES} labels={t.outcome} />
          </select>
        </Field>
      </div>
      {outcome === 'changed_job' && (
        <div className="row sub-form">
          <EmploymentFields
            part="newEmployment"
            employment={newJob}
            errors={err}
            partError={err.newEmployment}
          />
        </div>
      )}
      <NoteField value={note} onChange={setNote} error={err.note} />
      <div className="row">
        <FormFoot command={command} label={t.saveFollowUp} />
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
