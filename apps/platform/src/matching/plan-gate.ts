import { HttpProblem } from '@lib/http';

export interface PlanGateOptions {
  /** Plans computed at once, all subjects together (the machine's cores are shared with every read). */
  readonly concurrent: number;
  /** Plans waiting for a turn, at most; beyond them a request is turned away with Retry-After. */
  readonly queue: number;
}

/**
 * Admission of match plans: a plan is seconds of CPU, so a subject has at most one in flight (a second one
 * is refused, 429 `plan_in_progress`), at most `concurrent` run at once, and at most `queue` wait, in order;
 * beyond that 429 `rate_limited` with Retry-After. Reads are never queued behind plans.
 */
export class PlanGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly subjects = new Set<string>();

  constructor(private readonly options: PlanGateOptions) {}

  async run<T>(subject: string, plan: () => Promise<T>): Promise<T> {
    if (this.subjects.has(subject)) {
      throw new HttpProblem(429, 'plan_in_progress', 'A match plan of this account is still being computed', {
        headers: { 'Retry-After': '5' },
      });
    }
    if (this.running >= this.options.concurrent && this.waiting.length >= this.options.queue) {
      throw new HttpProblem(
        429,
        'rate_limited',
        'Too many match plans are being computed; try again shortly',
        {
          headers: { 'Retry-After': '10' },
        },
      );
    }
    this.subjects.add(subject);
    try {
      if (this.running >= this.options.concurrent) await new Promise<void>((turn) => this.waiting.push(turn));
      else this.running += 1;
      try {
        return await plan();
      } finally {
        // Hand the slot to the next in line, or free it.
        const next = this.waiting.shift();
        if (next) next();
        else this.running -= 1;
      }
    } finally {
      this.subjects.delete(subject);
    }
  }

  /** Plans computing and waiting now. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
