/** How the Insights page writes numbers: shares, money, hours. */
export const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
// one formatter for the page: making one per number cost 127 ms of the Insights page's first
// paint at the benchmark's 9,670 paying clients (BENCHMARKS.md, insights_first_paint_ms)
const MONEY = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export const money = (n: number) => MONEY.format(n);
export const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${Math.round(h * 10) / 10} h` : `${Math.round(h / 24 * 10) / 10} days`);
/** A change as a share with its sign: "+5 %", "-3 %", "0 %". */
export const signedPct = (v: number | null) => (v === null ? '–' : `${v > 0.0049 ? '+' : ''}${Math.round(v * 100)} %`);
