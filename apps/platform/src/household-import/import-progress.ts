import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HttpProblem } from '@lib/http';

interface Progress {
  readonly countyCode: string;
  totalRows: number;
  processedRows: number;
  done: boolean;
}

/** A finished import's progress is kept this long for a client polling late, then forgotten. */
const KEEP_DONE_MS = 10 * 60 * 1000;

/**
 * How far each running import is, by the id its client chose. In memory, per process: a client polls the
 * instance that runs its import (one platform process; behind a balancer, the same sticky route as the
 * upload), and a restart forgets it (the import itself ended with the process then).
 */
@Injectable()
export class ImportProgress implements OnModuleDestroy {
  private readonly imports = new Map<string, Progress>();
  private readonly timers = new Set<NodeJS.Timeout>();

  start(importId: string | undefined, countyCode: string): Progress {
    const progress: Progress = { countyCode, totalRows: 0, processedRows: 0, done: false };
    if (importId === undefined) return progress;
    if (this.imports.get(importId)?.done === false) {
      throw new HttpProblem(409, 'conflict', `导入 ${importId} 正在进行中：请换一个 importId`);
    }
    this.imports.set(importId, progress);
    return progress;
  }

  finish(importId: string | undefined, progress: Progress): void {
    progress.done = true;
    if (importId === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.imports.get(importId) === progress) this.imports.delete(importId);
    }, KEEP_DONE_MS);
    timer.unref();
    this.timers.add(timer);
  }

  of(importId: string): Readonly<Progress> | undefined {
    return this.imports.get(importId);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
