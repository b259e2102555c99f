import { useState, type FormEvent } from 'react';
import { MEASURE_KINDS, type CaseMeasureKind, type RecordMeasureBody } from '../../api-types';
import { useLang } from '../../i18n';
import { NoteField, Options, PastTimeField, usePastTime } from './fields';
import { Field, FormFoot, useCommand, type CaseFormProps } from './form-parts';
import { VacancyPicker } from './VacancyPicker';

const FIELDS = ['kind', 'takenAt', 'takenBy', 'workerId', 'vacancyIds', 'note'];

/**
 * An assistance measure (快速响应, the "131"): which, when, by whom, for which member; a job recommendation
 * names the vacancies offered, ticked by title from the member's recommendations; a public-welfare post offer
 * may name the county's posts.
 */
export function MeasureForm({ api, c, onRecorded }: CaseFormProps) {
  const { t } = useLang();
  const [kind, setKind] = useState<CaseMeasureKind>('job_recommendation');
  const takenAt = usePastTime();
  const [takenBy, setTakenBy] = useState(c.assignee?.name ?? '');
  const seekers = c.members.filter((m) => !m.employed && m.labourCapacity !== 'none');
  const [workerId, setWorkerId] = useState(seekers[0]?.workerId ?? '');
  const [vacancyIds, setVacancyIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const command = useCommand(FIELDS, onRecorded);
  const err = command.errors.fields;
  const offers =
    kind === 'job_recommendation' ? 'recommendations' : kind === 'welfare_post_offer' ? 'welfare' : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: RecordMeasureBody = {
      kind,
      takenAt: takenAt.instant(),
      ...(takenBy.trim() ? { takenBy: takenBy.trim() } : {}),
      ...(workerId ? { workerId } : {}),
      ...(offers && vacancyIds.length > 0 ? { vacancyIds } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (await command.run(() => api.measure(c.caseId, body))) {
      setVacancyIds([]);
      setNote('');
    }
  };

  return (
    <form className="case-form" onSubmit={submit} data-form="measure">
      <div className="row">
        <Field label={t.measureKindLabel} error={err.kind} name="kind">
          <select
            name="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as CaseMeasureKind);
              setVacancyIds([]);
            }}
          >
            <Options values={MEASURE_KINDS} labels={t.measureKind} />
          </select>
        </Field>
        <Field label={t.forMember} error={err.workerId} name="workerId">
          <select
            name="workerId"
            value={workerId}
            onChange={(e) => {
              setWorkerId(e.target.value);
              setVacancyIds([]);
            }}
          >
            <option value="">{t.wholeHousehold}</option>
            {c.members.map((m) => (
              <option key={m.workerId} value={m.workerId}>
                {m.name} · {t.capacity[m.labourCapacity]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        <PastTimeField label={t.takenAt} name="takenAt" time={takenAt} error={err.takenAt} />
        <Field label={t.takenBy} error={err.takenBy} name="takenBy">
          <input
            name="takenBy"
            value={takenBy}
            onChange={(e) => setTakenBy(e.target.value)}
            maxLength={100}
          />
        </Field>
      </div>
      {offers && (
        <VacancyPicker
          api={api}
          source={offers}
          workerId={workerId}
          county={c.countyCode}
          selected={vacancyIds}
          onChange={setVacancyIds}
          error={err.vacancyIds}
        />
      )}
      <NoteField value={note} onChange={setNote} error={err.note} />
      <FormFoot command={command} label={t.saveMeasure} />
    </form>
  );
}
