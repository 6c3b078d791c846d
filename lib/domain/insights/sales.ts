/** Sales grouped as the insights read them. */
import type { Touchpoint } from '../model';

/** Each buyer's sale times, oldest first, from the touchpoints (the ones that are not sales are passed over). */
export function saleTimesByClient(sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[]): Map<number, number[]> {
  const byClient = new Map<number, number[]>();
  for (const s of sales) {
    if (s.kind !== 'sale') continue;
    const list = byClient.get(s.clientId);
    if (list) list.push(s.at);
    else byClient.set(s.clientId, [s.at]);
  }
  for (const list of byClient.values()) list.sort((a, b) => a - b);
  return byClient;
}
