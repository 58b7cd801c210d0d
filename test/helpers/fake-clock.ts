import type { Clock } from '../../src/core/ports/ports';

/** A clock that moves only when told. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start = '2025-03-03T09:00:00.000Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(minutes: number): void {
    this.t += minutes * 60_000;
  }
}
