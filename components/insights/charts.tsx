/**
 * Small SVG charts, drawn by hand because a bar-and-line chart is a few shapes: no
 * charting library in the bundle. Colours come from CSS variables (light and dark), every
 * chart is an image with a summary for screen readers, and its numbers are also a table.
 */
import type { ReactNode } from 'react';

export interface Series {
  label: string;
  values: (number | null)[];
  className: string;
}

const W = 640;
const H = 220;
const PAD = { l: 44, r: 44, t: 12, b: 32 };

function y(v: number, max: number) {
  return PAD.t + (H - PAD.t - PAD.b) * (1 - (max ? v / max : 0));
}

/** Bars (left axis) with an optional line (right axis, 0-100 %) and reference marks. */
export function BarLineChart(props: {
  title: string;
  summary: string;
  labels: string[];
  bars?: Series;
  line?: Series;
  lineMax?: number;
  marks?: { value: number; label: string; axis: 'bars' | 'line' }[];
  barMax?: number;
}) {
  const n = props.labels.length;
  const innerW = W - PAD.l - PAD.r;
  const step = n ? innerW / n : innerW;
  const barVals = props.bars?.values.map((v) => v ?? 0) ?? [];
  const barMax = props.barMax ?? Math.max(1, ...barVals, ...(props.marks ?? []).filter((m) => m.axis === 'bars').map((m) => m.value));
  const lineMax = props.lineMax ?? 1;
  const linePts = (props.line?.values ?? [])
    .map((v, i) => (v === null ? null : `${PAD.l + step * (i + 0.5)},${y(v, lineMax)}`))
    .filter(Boolean);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.summary}`} className="chart">
      <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="axis" />
      {barVals.map((v, i) => (
        <rect
          key={i}
          x={PAD.l + step * i + step * 0.15}
          width={step * 0.7}
          y={y(v, barMax)}
          height={H - PAD.b - y(v, barMax)}
          className={props.bars!.className}
        />
      ))}
      {linePts.length > 1 ? <polyline points={linePts.join(' ')} className={`${props.line!.className} line`} /> : null}
      {(props.line?.values ?? []).map((v, i) =>
        v === null ? null : <circle key={i} cx={PAD.l + step * (i + 0.5)} cy={y(v, lineMax)} r={3.5} className={props.line!.className} />,
      )}
      {(props.marks ?? []).map((m) => {
        const yy = y(m.value, m.axis === 'bars' ? barMax : lineMax);
        return (
          <g key={m.label} className="mark">
            <line x1={PAD.l} x2={W - PAD.r} y1={yy} y2={yy} />
            <text x={m.axis === 'bars' ? PAD.l + 4 : W - PAD.r - 4} y={yy - 4} textAnchor={m.axis === 'bars' ? 'start' : 'end'}>
              {m.label}
            </text>
          </g>
        );
      })}
      {props.labels.map((l, i) =>
        n <= 12 || i % Math.ceil(n / 12) === 0 ? (
          <text key={i} x={PAD.l + step * (i + 0.5)} y={H - 12} textAnchor="middle" className="tick">
            {l}
          </text>
        ) : null,
      )}
      <text x={4} y={PAD.t + 8} className="tick">{fmtAxis(barMax)}</text>
      {props.line ? (
        <text x={W - 4} y={PAD.t + 8} textAnchor="end" className="tick">
          {lineMax === 1 ? '100 %' : fmtAxis(lineMax)}
        </text>
      ) : null}
    </svg>
  );
}

function fmtAxis(v: number) {
  return v >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 10) / 10);
}

/** The same numbers as a table, for screen readers and for anyone who prefers them. */
export function DataTable(props: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <details className="data">
      <summary>Show the numbers</summary>
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
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
