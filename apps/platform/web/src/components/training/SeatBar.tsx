import type { TrainingWords } from '../../i18n-training';

/** Seats taken of the seats, as a bar and as "12 / 30". */
export function SeatBar({ taken, seats, w }: { taken: number; seats: number; w: TrainingWords }) {
  const share = seats > 0 ? Math.min(1, taken / seats) : 0;
  return (
    <span className="seat-bar" data-testid="seats" data-taken={taken} data-seats={seats}>
      <span className="seat-track" aria-hidden="true">
        <span className={`seat-fill${share >= 1 ? ' full' : ''}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="seat-text">{w.seatsLine(taken, seats)}</span>
    </span>
  );
}
