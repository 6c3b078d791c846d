/**
 * Spreadsheets: export clients or touchpoints as CSV, import contacts from Google,
 * Outlook, HubSpot-style or plain files, and import sales (./SalesImport.tsx). The import shows the guessed column mapping
 * (changeable), a preview, and the rows it will skip with the reason, before writing
 * anything; the write is all or nothing.
 */
import {
  downloadClientsCsv, downloadTouchpointsCsv, planContactsImport, readContactsFile, useImportContacts,
  type ColumnMapping, type ImportPlan, type ParsedCsv,
} from '@/lib/ui/spreadsheets';
import { useCsvImport } from '@/lib/ui/csv-import';
import { Outcome } from '../Outcome';
import { ColumnPicker } from './ColumnPicker';
import { SkippedRows } from './SkippedRows';
import { SalesImport } from './SalesImport';

const FIELDS: { key: keyof Omit<ColumnMapping, 'extraEmails'>; label: string }[] = [
  { key: 'email', label: 'Email (required)' },
  { key: 'name', label: 'Full name' },
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'company', label: 'Company' },
];

const FORMAT_NAME = { google: 'Google Contacts', outlook: 'Outlook contacts', hubspot: 'HubSpot contacts', plain: 'a plain list', unknown: 'an unknown format' };

export function SpreadsheetSection() {
  const importContacts = useImportContacts();
  const { parsed, mapping, plan, message, setMapping, onFile, doImport, cancel } = useCsvImport({
    read: readContactsFile,
    plan: planContactsImport,
    write: (p: ImportPlan) => importContacts.mutateAsync(p),
    done: (r) => `Imported ${r.created} new clients${r.existing ? `; ${r.existing} were clients already` : ''}.`,
  });

  return (
    <section aria-labelledby="csv-heading" className="options-section">
      <h2 id="csv-heading">Spreadsheets</h2>
      <div className="row">
        <button type="button" onClick={() => void downloadClientsCsv()}>
          Export clients (CSV)
        </button>
        <button type="button" onClick={() => void downloadTouchpointsCsv()}>
          Export touchpoints (CSV)
        </button>
      </div>
      <label>
        Import contacts from a CSV file (Google Contacts, Outlook, HubSpot, or name,email,company)
        <input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {parsed ? (
        <div className="plan" role="region" aria-label="Import preview">
          <p>
            {parsed.fileName}: {parsed.rows.length} rows, looks like {FORMAT_NAME[parsed.format]}.
          </p>
          <ColumnPicker fields={FIELDS} headers={parsed.headers} mapping={mapping} onChange={setMapping} />
          {plan ? (
            <>
              <table>
                <caption>First contacts to import</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Company</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.contacts.slice(0, 8).map((c) => (
                    <tr key={c.emails[0]}>
                      <td>{c.name}</td>
                      <td>{c.emails.join(', ')}</td>
                      <td>{c.company ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SkippedRows rows={plan.invalid} />
              <div className="row">
                <button type="button" onClick={() => void doImport()} disabled={plan.contacts.length === 0}>
                  Import {plan.contacts.length - plan.existing} contacts
                </button>
                <button type="button" onClick={cancel}>
                  Cancel
                </button>
              </div>
              {plan.existing ? <p className="muted">{plan.existing} are clients already and stay as they are.</p> : null}
            </>
          ) : null}
        </div>
      ) : null}
      <Outcome message={message} />
      <SalesImport />
    </section>
  );
}
