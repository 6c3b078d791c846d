/**
 * "A customer is someone who buys from you once; a client is someone who will buy from you
 * again and again." The stage is derived from the number of sales logged, unless the user
 * set it by hand: a hand-set stage always wins (it is the only way to reach "former", since
 * no count of sales means a client has gone away).
 */
import type { Stage } from './model';

export function stageFromSales(saleCount: number, override?: Stage): Stage {
  if (override) return override;
  if (!(saleCount >= 1)) return 'prospect'; // 0, negative or NaN: nothing bought yet
  if (saleCount < 2) return 'customer';
  return 'client';
}
