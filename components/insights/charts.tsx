/**
 * Small SVG charts, drawn by hand because a bar-and-line chart is a few shapes: no
 * charting library in the bundle. A chart a person can read:
 *   - a visible title, and the same title with a summary for screen readers (the svg is
 *     an image with that label);
 *   - the unit of each axis written on it (the x axis says what a column is, each y axis
 *     what it counts and in what unit), with its scale at 0 and at the top (and the bottom
 *     when values go below 0);
 *   - a legend whenever it draws more than one series;
 *   - with no data, a sentence saying what will fill it, instead of bare axes.
 * Colours come from CSS variables (light and dark); every chart's numbers are also a table.
 */
import { useState, type ReactNode } from 'react';

export interface Series {
  label: string;
  values: (number | null)[];
  /** the CSS class that colours it (and its legend swatch) */
  className: string;
}

const W = 640;
const H = 240;
const PAD = { l: 58, r: 58, t: 14, b: 48 };

/** An axis: its unit, written along it, and how its values read. */
export interface Axis {
  unit: string;
  format?: (v: number) => string;
  min?: number;
  max?: number;
}

const plain = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 10) / 10));
export const percentAxis = (unit: string, min = 0, max = 1): Axis => ({ unit, min, max, format: (v) => `${Math.round(v * 100)} %` });

function scale(lo: number, hi: number) {
  const span = hi - lo || 1;
  return (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - (v - lo) / span);
}

/** Whether any series has a value to draw (zero bars count as nothing). */
const hasData = (series: (Series | undefined)[], zeroIsData = false) =>
  series.some((s) => s?.values.some((v) => v !== null && (zeroIsData || v !== 0)));

function Legend({ series }: { series: Series[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.label}>
          <span className={`swatch ${s.className}`} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The frame every chart shares: its title, the svg (or the sentence when empty), the legend. */
function Figure(props: { title: string; summary: string; empty: string | null; legend: Series[]; children: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-title">{props.title}</figcaption>
      {props.empty !== null ? (
        <p className="empty">{props.empty}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.summary}`} className="chart">
            {props.children}
          </svg>
          <Legend series={props.legend} />
        </>
      )}
    </figure>
  );
}

/** The x axis: the line at `y0`, a label per column (thinned past 12), and its unit. */
function XAxis({ labels, unit, y0 }: { labels: string[]; unit: string; y0: number }) {
  const n = labels.length;
  const step = (W - PAD.l - PAD.r) / Math.max(1, n);
  return (
    <g>
      <line x1={PAD.l} x2={W - PAD.r} y1={y0} y2={y0} className="axis" />
      {labels.map((l, i) =>
        n <= 12 || i % Math.ceil(n / 12) === 0 ? (
          <text key={i} x={PAD.l + step * (i + 0.5)} y={H - PAD.b + 16} textAnchor="middle" className="tick">
            {l}
          </text>
        ) : null,
      )}
      <text x={(PAD.l + W - PAD.r) / 2} y={H - 6} textAnchor="middle" className="unit">
        {unit}
      </text>
    </g>
  );
}

/** A y axis on the left or right: its scale at the bottom, at 0 when inside, at the top, and its unit. */
function YAxis({ side, axis, lo, hi }: { side: 'left' | 'right'; axis: Axis; lo: number; hi: number }) {
  const y = scale(lo, hi);
  const fmt = axis.format ?? plain;
  const x = side === 'left' ? PAD.l - 6 : W - PAD.r + 6;
  const anchor = side === 'left' ? 'end' : 'start';
  const ticks = [...new Set([lo, hi, ...(lo < 0 && hi > 0 ? [0] : [])])];
  const mid = (PAD.t + H - PAD.b) / 2;
  const ux = side === 'left' ? 12 : W - 12;
  return (
    <g>
      <line x1={side === 'left' ? PAD.l : W - PAD.r} x2={side === 'left' ? PAD.l : W - PAD.r} y1={PAD.t} y2={H - PAD.b} className="axis" />
      {ticks.map((v) => (
        <text key={v} x={x} y={y(v) + 4} textAnchor={anchor} className="tick">
          {fmt(v)}
        </text>
      ))}
      <text x={ux} y={mid} textAnchor="middle" transform={`rotate(${side === 'left' ? -90 : 90} ${ux} ${mid})`} className="unit">
        {axis.unit}
      </text>
    </g>
  );
}

/**
 * Bars (left axis) with an optional line (right axis) and reference marks. `empty` is the
 * sentence shown instead when no bar has a value.
 */
export function BarLineChart(props: {
  title: string;
  summary: string;
  labels: string[];
  xUnit: string;
  bars: Series;
  barAxis: Axis;
  line?: Series;
  lineAxis?: Axis;
  marks?: { value: number; label: string; axis: 'bars' | 'line' }[];
  empty: string;
}) {
  const { labels, bars, line } = props;
  const n = labels.length;
  const step = (W - PAD.l - PAD.r) / Math.max(1, n);
  const barVals = bars.values.map((v) => v ?? 0);
  const barHi = props.barAxis.max ?? Math.max(1, ...barVals, ...(props.marks ?? []).filter((m) => m.axis === 'bars').map((m) => m.value));
  const lineAxis = props.lineAxis ?? percentAxis('');
  const lineHi = lineAxis.max ?? 1;
  const yBar = scale(0, barHi);
  const yLine = scale(0, lineHi);
  const linePts = (line?.values ?? []).map((v, i) => (v === null ? null : `${PAD.l + step * (i + 0.5)},${yLine(v)}`)).filter(Boolean);
  return (
    <Figure title={props.title} summary={props.summary} empty={hasData([bars]) ? null : props.empty} legend={line ? [bars, line] : [bars]}>
      <XAxis labels={labels} unit={props.xUnit} y0={H - PAD.b} />
      <YAxis side="left" axis={props.barAxis} lo={0} hi={barHi} />
      {line ? <YAxis side="right" axis={lineAxis} lo={0} hi={lineHi} /> : null}
      {barVals.map((v, i) => (
        <rect key={i} x={PAD.l + step * i + step * 0.15} width={step * 0.7} y={yBar(v)} height={H - PAD.b - yBar(v)} className={bars.className} />
      ))}
      {linePts.length > 1 ? <polyline points={linePts.join(' ')} className={`${line!.className} line`} /> : null}
      {(line?.values ?? []).map((v, i) =>
        v === null ? null : <circle key={i} cx={PAD.l + step * (i + 0.5)} cy={yLine(v)} r={3.5} className={line!.className} />,
      )}
      {(props.marks ?? []).map((m) => {
        const yy = m.axis === 'bars' ? yBar(m.value) : yLine(m.value);
        return (
          <g key={m.label} className="mark">
            <line x1={PAD.l} x2={W - PAD.r} y1={yy} y2={yy} />
            <text x={m.axis === 'bars' ? PAD.l + 4 : W - PAD.r - 4} y={yy - 4} textAnchor={m.axis === 'bars' ? 'start' : 'end'}>
              {m.label}
            </text>
          </g>
        );
      })}
    </Figure>
  );
}

/**
 * Lines over the same axis (rates over time, below 0 too): a point per value, joined where
 * neighbours both have one, a legend when there are several. `empty` is the sentence shown
 * instead when no series has a value.
 */
export function LineChart(props: {
  title: string;
  summary: string;
  labels: string[];
  xUnit: string;
  series: Series[];
  axis: Axis;
  empty: string;
}) {
  const { labels, series, axis } = props;
  const n = labels.length;
  const step = (W - PAD.l - PAD.r) / Math.max(1, n);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(axis.min ?? 0, ...values);
  const hi = Math.max(axis.max ?? 1, ...values);
  const y = scale(lo, hi);
  const x = (i: number) => PAD.l + step * (i + 0.5);
  return (
    <Figure title={props.title} summary={props.summary} empty={hasData(series, true) ? null : props.empty} legend={series}>
      <XAxis labels={labels} unit={props.xUnit} y0={y(Math.max(lo, Math.min(0, hi)))} />
      <YAxis side="left" axis={axis} lo={lo} hi={hi} />
      {series.map((s) => (
        <g key={s.label} className={s.className}>
          {s.values.map((v, i) => {
            const next = s.values[i + 1];
            return v === null || next === null || next === undefined ? null : (
              <line key={`l${i}`} x1={x(i)} x2={x(i + 1)} y1={y(v)} y2={y(next)} className="line" />
            );
          })}
          {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} />))}
        </g>
      ))}
    </Figure>
  );
}

/** rows a table shows before "Show all" */
export const TABLE_FIRST_ROWS = 100;

/**
 * The same numbers as a table, for screen readers and for anyone who prefers them; `open`:
 * shown, not folded. Folded, its rows are made only once it is unfolded, and a long table
 * shows its first TABLE_FIRST_ROWS until the user asks for all: at a big book the 80/20
 * table has a row per paying client (9,670 in the benchmark), which made the page build
 * 58,000 elements nobody had asked to see (BENCHMARKS.md, insights_first_paint_ms).
 */
export function DataTable(props: { caption: string; head: string[]; rows: ReactNode[][]; open?: boolean }) {
  const [unfolded, setUnfolded] = useState(false);
  const [all, setAll] = useState(false);
  const rows = all ? props.rows : props.rows.slice(0, TABLE_FIRST_ROWS);
  const table = (
    <>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < props.rows.length ? (
        <button type="button" onClick={() => setAll(true)}>
          Show all {props.rows.length} rows
        </button>
      ) : null}
    </>
  );
  if (props.open) return <div className="data">{table}</div>;
  return (
    <details className="data" open={unfolded}>
      <summary
        onClick={(e) => {
          // the state, not the browser, opens it: the rows are made only then
          e.preventDefault();
          setUnfolded((u) => !u);
        }}
      >
        Show the numbers
      </summary>
      {unfolded ? table : null}
    </details>
  );
}
