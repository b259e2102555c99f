import type { Clock } from '../clock';

/** A clock that stands still until a test moves it. */
export class MovableClock implements Clock {
  private at: number;

  constructor(at: string) {
    this.at = Date.parse(at);
  }

  now(): string {
    return new Date(this.at).toISOString();
  }

  set(at: string): void {
    this.at = Date.parse(at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
