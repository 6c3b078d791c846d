/** The portfolio at a glance: clients per stage, overdue and due-soon counts. */
import type { Client, Settings, Stage } from '../model';
import { cadenceStatus } from '../cadence';
import { isOverdue } from '../overdue';

export interface Portfolio {
  byStage: Record<Stage, number>;
  overdue: number;
  dueSoon: number;
  total: number;
}

export function portfolio(clients: Client[], now: number, settings: Settings): Portfolio {
  const byStage: Record<Stage, number> = { prospect: 0, customer: 0, client: 0, former: 0 };
  let overdue = 0;
  let dueSoon = 0;
  for (const c of clients) {
    byStage[c.stage]++;
    if (isOverdue(c, now, settings)) overdue++;
    else if (cadenceStatus(c, now, settings)?.state === 'due-soon') dueSoon++;
  }
  return { byStage, overdue, dueSoon, total: clients.length };
}
