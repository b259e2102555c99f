import { useState, type FormEvent } from 'react';
import type { CourseDetail, TrainingApi, Trainee } from '../../api-training';
import { useLang } from '../../i18n';
import type { TrainingWords } from '../../i18n-training';
import { placeErrors, type PlacedErrors } from '../../training-errors';
import { guizhouToday } from '../../guizhou-dates';

const FIELDS = ['certificateNumber', 'completedOn'] as const;

/** A trainee's completion: the certificate number and the day (today by default), opened from a button. */
export function CompletionForm({
  training,
  course,
  trainee,
  w,
  onRecorded,
}: {
  training: TrainingApi;
  course: CourseDetail;
  trainee: Trainee;
  w: TrainingWords;
  onRecorded(position: string): void;
}) {
  const { lang } = useLang();
  const today = guizhouToday();
  const [open, setOpen] = useState(false);
  const [certificate, setCertificate] = useState('');
  const [completedOn, setCompletedOn] = useState(today < course.endDate ? today : course.endDate);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors>({ fields: {} });
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {w.complete}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!certificate.trim()) {
      setErrors({ fields: { certificateNumber: w.errors.required } });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const done = await training.complete(course.courseId, {
        workerId: trainee.workerId,
        certificateNumber: certificate.trim(),
        completedOn,
      });
      onRecorded(done.position);
    } catch (error) {
      // A refusal about the trainee (`workerId`: not enrolled, no day attended) is the form's own.
      const placeOf = (path: string) => FIELDS.find((f) => f === path);
      setErrors(placeErrors(error, placeOf, w, lang));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: (typeof FIELDS)[number]) =>
    errors.fields[field] && (
      <span className="error field-error" role="alert" data-field={field}>
        {errors.fields[field]}
      </span>
    );
  return (
    <form className="completion-form" onSubmit={submit} noValidate>
      <label>
        {w.certificate}{' '}
        <input
          name="certificateNumber"
          value={certificate}
          maxLength={64}
          onChange={(e) => setCertificate(e.target.value)}
        />
        {fieldError('certificateNumber')}
      </label>
      <label>
        {w.completedOn}{' '}
        <input
          type="date"
          name="completedOn"
          value={completedOn}
          min={course.startDate}
          max={today}
          onChange={(e) => e.target.value && setCompletedOn(e.target.value)}
        />
        {fieldError('completedOn')}
      </label>
      <button type="submit" disabled={busy}>
        {busy ? w.completing : w.complete}
      </button>
      {errors.form && (
        <span className="error" role="alert" data-field="form">
          {errors.form}
        </span>
      )}
    </form>
  );
}
