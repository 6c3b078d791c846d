/** Calendar quarters and years in local time, as keys ("2026-Q3", "2026") and ranges. */
import { addQuarters, addYears, startOfQuarter, startOfYear, getQuarter } from 'date-fns';

export type PeriodKind = 'quarter' | 'year';

export interface Period {
  key: string;
  label: string;
  start: number;
  end: number; // exclusive
}

export function periodOf(t: number, kind: PeriodKind): Period {
  const start = kind === 'quarter' ? startOfQuarter(t) : startOfYear(t);
  const end = kind === 'quarter' ? addQuarters(start, 1) : addYears(start, 1);
  const y = start.getFullYear();
  const key = kind === 'quarter' ? `${y}-Q${getQuarter(start)}` : String(y);
  return { key, label: kind === 'quarter' ? `Q${getQuarter(start)} ${y}` : key, start: start.getTime(), end: end.getTime() };
}

/** The last `n` periods ending with the one that holds `now`, oldest first. */
export function lastPeriods(now: number, kind: PeriodKind, n: number): Period[] {
  const out: Period[] = [];
  let p = periodOf(now, kind);
  for (let i = 0; i < n; i++) {
    out.unshift(p);
    p = periodOf(p.start - 1, kind);
  }
  return out;
}
