/**
 * Importing sales from a CSV file (email, date, amount; name, company and note if the file
 * has them), as the contacts import does it: the guessed columns (changeable), a preview,
 * the rows that will be skipped and why, then one write, all or nothing. Buyers who are no
 * client yet become clients at the stage their sales give.
 */
import {
  isoDay, planSales, readSalesFile, useImportSales, type ParsedSalesCsv, type SalesMapping, type SalesPlan,
} from '@/lib/ui/spreadsheets';
import { useCsvImport } from '@/lib/ui/csv-import';
import { Outcome } from '../Outcome';
import { ColumnPicker } from './ColumnPicker';
import { SkippedRows } from './SkippedRows';

const FIELDS: { key: keyof SalesMapping; label: string }[] = [
  { key: 'email', label: 'Email (required)' },
  { key: 'date', label: 'Date (required)' },
  { key: 'amount', label: 'Amount (required)' },
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'note', label: 'Note' },
];

const money = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function SalesImport() {
  const importSales = useImportSales();
  const { parsed, mapping, plan, message, setMapping, onFile, doImport, cancel } = useCsvImport({
    read: readSalesFile,
    plan: planSales,
    write: (p: SalesPlan) => importSales.mutateAsync(p),
    done: (r) => `Imported ${plural(r.sales, 'sale')}${r.newClients ? `; ${plural(r.newClients, 'new client')}` : ''}.`,
  });

  return (
    <div className="sales-import">
      <label>
        Import sales from a CSV file (email, date, amount; name, company and note if you have them)
        <input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {parsed ? (
        <div className="plan" role="region" aria-label="Sales import preview">
          <p>
            {parsed.fileName}: {plural(parsed.rows.length, 'row')}. Dates as 2025-03-14 (or 14.03.2025); an amount as your
            spreadsheet writes it.
          </p>
          <ColumnPicker fields={FIELDS} headers={parsed.headers} mapping={mapping} onChange={setMapping} />
          {plan ? (
            <>
              <p>
                {plural(plan.sales.length, 'sale')} for {plural(plan.newClients + plan.existingClients, 'buyer')}:{' '}
                {plural(plan.newClients, 'new client')}, {plural(plan.existingClients, 'client')} already tracked.
              </p>
              <table>
                <caption>First sales to import</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Email</th>
                    <th scope="col">Name</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.sales.slice(0, 8).map((s) => (
                    <tr key={s.line}>
                      <td>{isoDay(s.at)}</td>
                      <td>{s.email}</td>
                      <td>{s.name ?? ''}</td>
                      <td>{money(s.amount)}</td>
                      <td>{s.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SkippedRows rows={plan.invalid} />
              {plan.recorded ? <p className="muted">{plural(plan.recorded, 'sale is', 'sales are')} recorded already and stay as they are.</p> : null}
              <div className="row">
                <button type="button" onClick={() => void doImport()} disabled={plan.sales.length === 0}>
                  Import {plural(plan.sales.length, 'sale')}
                </button>
                <button type="button" onClick={cancel}>
                  Cancel
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      <Outcome message={message} />
    </div>
  );
}
