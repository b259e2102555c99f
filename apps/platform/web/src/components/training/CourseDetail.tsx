import { useState, type ReactNode } from 'react';
import type { CourseDetail as Course, TrainingApi, Trainee } from '../../api-training';
import { useLang } from '../../i18n';
import { trainingWords, type TrainingWords } from '../../i18n-training';
import { occupationLabel } from '../../people-format';
import { useLoad } from '../../use-load';
import { Panel } from '../Panel';
import { AttendanceRegister } from './AttendanceRegister';
import { CompletionForm } from './CompletionForm';
import { SeatBar } from './SeatBar';

/**
 * One course: its facts and seats, each trainee's attendance of the days held next to the completion, the
 * day's register and the completion form. After a command it reads the course as the command left it.
 */
export function CourseDetail({ training, courseId }: { training: TrainingApi; courseId: string }) {
  const { lang } = useLang();
  const w = trainingWords(lang);
  const [after, setAfter] = useState<string | undefined>();
  const course = useLoad(
    (signal) => training.course(courseId, signal, after),
    `${courseId}:${after ?? ''}`,
    true,
  );
  return (
    <Panel title={course.status === 'ok' ? course.data.title : w.title} state={course} className="wide">
      {(c) => (
        <>
          <CourseFacts c={c} w={w} />
          {c.trainees === undefined ? (
            <p className="muted">{w.notYours}</p>
          ) : (
            <>
              <AttendanceRegister training={training} course={c} w={w} onRecorded={setAfter} />
              <h3>
                {w.trainees} <span className="muted">({c.trainees.length})</span>
              </h3>
              {c.trainees.length === 0 ? (
                <p className="muted">{w.noTrainees}</p>
              ) : (
                <ul className="trainees" data-testid="trainees">
                  {c.trainees.map((t) => (
                    <TraineeRow key={t.workerId} t={t} held={c.daysHeld?.length ?? 0} w={w}>
                      {t.completion ? (
                        <span className="all-clear completed-line">
                          <span>{w.completed}</span>
                          <span>{w.certificateOf(t.completion.certificateNumber)}</span>
                          <span>{t.completion.completedOn}</span>
                        </span>
                      ) : (
                        <CompletionForm
                          training={training}
                          course={c}
                          trainee={t}
                          w={w}
                          onRecorded={setAfter}
                        />
                      )}
                    </TraineeRow>
                  ))}
                </ul>
              )}
              {c.withdrawals > 0 && <p className="hint">{w.withdrawals(c.withdrawals)}</p>}
            </>
          )}
        </>
      )}
    </Panel>
  );
}

function CourseFacts({ c, w }: { c: Course; w: TrainingWords }) {
  const { lang } = useLang();
  return (
    <div className="course-head">
      <span className={`badge course-${c.status}`} data-status={c.status}>
        {w.status[c.status]}
      </span>
      <span>{occupationLabel(c.occupation, lang)}</span>
      <span>{w.dateRange(c.startDate, c.endDate)}</span>
      <span>{c.place}</span>
      <span className="muted">{w.subsidy(c.subsidyPerTrainee)}</span>
      <SeatBar taken={c.seatsTaken} seats={c.seats} w={w} />
      {c.daysHeld && <span data-testid="days-held">{w.daysHeld(c.daysHeld.length)}</span>}
    </div>
  );
}

/** A trainee: the name as the office may see it, the days attended of the days held, then the completion. */
function TraineeRow({
  t,
  held,
  w,
  children,
}: {
  t: Trainee;
  held: number;
  w: TrainingWords;
  children: ReactNode;
}) {
  return (
    <li data-worker={t.workerId} data-status={t.status}>
      <span className="trainee-name">{t.name ?? w.unnamed}</span>
      <span className="trainee-days" data-testid="days" title={t.absentOn.join('、') || undefined}>
        {held === 0 ? (
          <span className="muted">{w.noDaysHeld}</span>
        ) : (
          <>
            {w.attendance} {w.attendanceOf(t.daysPresent, held)}
            {t.daysAbsent > 0 && <span className="absent"> · {w.absentDays(t.daysAbsent)}</span>}
            {t.daysUnrecorded > 0 && <span className="muted"> · {w.unrecordedDays(t.daysUnrecorded)}</span>}
          </>
        )}
      </span>
      <span className="trainee-completion">{children}</span>
    </li>
  );
}
