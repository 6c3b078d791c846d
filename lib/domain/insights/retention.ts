/**
 * Retention as the retention articles define it ("if you retain 85 percent of your
 * customers and acquire 20 percent new ones, your net customer gain is 5 percent"), per
 * quarter and per year ("look at your retention rate. Has it changed over time?").
 *
 * A CUSTOMER AT A MOMENT t has at least one sale in the 365 days before t (t - 365 days <=
 * sale < t) and is not marked former at t (a client marked former counts as lost from the
 * moment they were marked, `formerSince`, whatever they bought in the year before).
 *
 * For a period from a to b (b: the period's end, or now for the period still running):
 *   S = customers at a, E = customers at b, N = customers at b whose first sale ever falls
 *   inside the period;
 *   retention   = (E - N) / S   the customers kept (E - N: customers at the end who were
 *                               not new, i.e. kept, or back from before the year);
 *   acquisition = N / S         the new customers, against the customers there were;
 *   net gain    = (E - S) / S   how much the book of customers grew (negative: shrank).
 * With S = 0 the three are unknown (null), not 0: there was nobody to retain.
 *
 * The articles' example: S = 100, 15 lost, N = 20, so E = 100 - 15 + 20 = 105: retention
 * (105 - 20) / 100 = 85 %, acquisition 20 %, net gain 5 %.
 */
import { subDays } from 'date-fns';
import type { Client, Touchpoint } from '../model';
import { lastPeriods, type PeriodKind } from './periods';
import { saleTimesByClient } from './sales';

/** A customer is someone who bought in this many days before the moment. */
export const CUSTOMER_WINDOW_DAYS = 365;

export interface RetentionRates {
  retention: number | null;
  acquisition: number | null;
  netGain: number | null;
}

/** The three rates (0.85 = 85 %) from S, E and N; unknown (null) when S is 0. */
export function retentionRates(start: number, end: number, fresh: number): RetentionRates {
  if (!(start > 0)) return { retention: null, acquisition: null, netGain: null };
  return { retention: (end - fresh) / start, acquisition: fresh / start, netGain: (end - start) / start };
}

export interface RetentionPoint extends RetentionRates {
  key: string;
  label: string;
  /** a: the period's start */
  start: number;
  /** b: the period's end, or now for the period still running */
  end: number;
  /** S: customers at the start */
  startCustomers: number;
  /** E: customers at the end */
  endCustomers: number;
  /** N: customers at the end whose first sale falls inside the period */
  newCustomers: number;
  /** false for the period still running (its figures are so far, not final) */
  complete: boolean;
}

/** One client's sales (sorted) and when they were marked former. */
interface Buyer {
  sales: number[];
  firstSale: number;
  formerSince?: number;
}

function buyersOf(
  sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[],
  clients: Pick<Client, 'id' | 'formerSince'>[],
): Buyer[] {
  const former = new Map(clients.map((c) => [c.id, c.formerSince]));
  return [...saleTimesByClient(sales).entries()].map(([id, list]) => ({ sales: list, firstSale: list[0], formerSince: former.get(id) }));
}

/** Whether the buyer has a sale in [from, to). */
function boughtBetween(sales: number[], from: number, to: number): boolean {
  // the first sale at or after `from` (binary search), then is it before `to`?
  let lo = 0;
  let hi = sales.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sales[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sales.length && sales[lo] < to;
}

/** The start of the 365 days before `t` (calendar days, so a DST change moves nothing). */
const windowStart = (t: number) => subDays(t, CUSTOMER_WINDOW_DAYS).getTime();

/** Customers at `t` by the definition above; `from` is windowStart(t), worked out once per moment. */
function isCustomerAt(b: Buyer, t: number, from = windowStart(t)): boolean {
  if (b.formerSince !== undefined && b.formerSince <= t) return false;
  return boughtBetween(b.sales, from, t);
}

/** How many of the clients are customers at `t` (one moment; for tests and single reads). */
export function customersAt(
  sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[],
  clients: Pick<Client, 'id' | 'formerSince'>[],
  t: number,
): number {
  return buyersOf(sales, clients).filter((b) => isCustomerAt(b, t)).length;
}

/**
 * Retention, acquisition and net gain for the last `count` quarters or years, oldest first,
 * the last one running until `now` (a sale at `now` itself counts as before it).
 */
export function retention(
  sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[],
  clients: Pick<Client, 'id' | 'formerSince'>[],
  now: number,
  kind: PeriodKind = 'quarter',
  count = 8,
): RetentionPoint[] {
  const buyers = buyersOf(sales, clients);
  return lastPeriods(now, kind, count).map((p) => {
    const complete = p.end <= now;
    const end = complete ? p.end : now;
    // "before b": for the running period, every sale up to and including now
    const b = complete ? p.end : now + 1;
    const fromA = windowStart(p.start);
    const fromB = windowStart(b);
    let startCustomers = 0;
    let endCustomers = 0;
    let newCustomers = 0;
    for (const buyer of buyers) {
      if (isCustomerAt(buyer, p.start, fromA)) startCustomers++;
      if (isCustomerAt(buyer, b, fromB)) {
        endCustomers++;
        if (buyer.firstSale >= p.start && buyer.firstSale < b) newCustomers++;
      }
    }
    return {
      key: p.key,
      label: p.label,
      start: p.start,
      end,
      startCustomers,
      endCustomers,
      newCustomers,
      ...retentionRates(startCustomers, endCustomers, newCustomers),
      complete,
    };
  });
}
