/**
 * Time in Apps Script terms: the spreadsheet's zone through Utilities.formatDate, and the run's
 * deadline. Executions end at 6 minutes; a run stops writing at its budget and continues later.
 */
import { ZoneClock } from '../core/zone';

export function zoneClockOf(timeZone: string): ZoneClock {
  return new ZoneClock(timeZone, (ms) => {
    const z = Utilities.formatDate(new Date(ms), timeZone, 'Z');
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
    if (!m) return 0;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === '-' ? -minutes : minutes;
  });
}

/** Default share of the 6-minute execution limit a run may spend before it hands over. */
export const DEFAULT_BUDGET_MS = 270000;

export class Deadline {
  private readonly start = Date.now();
  constructor(private readonly budgetMs: number) {}
  elapsed(): number {
    return Date.now() - this.start;
  }
  passed(): boolean {
    return this.elapsed() >= this.budgetMs;
  }
}
