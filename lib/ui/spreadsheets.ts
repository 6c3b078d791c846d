/** Spreadsheets (lib/csv) for the options page: CSV exports, and the contacts import. */
import { clientsCsv, touchpointsCsv } from '../csv/export';
import {
  importContacts, MAX_IMPORT_BYTES, parseContactsCsv, planImport, type ColumnMapping, type ContactsFormat, type ImportPlan, type ParsedCsv,
} from '../csv/import';
import { downloadText, readFileText } from './files';
import { useWrite } from './write';

export type { ColumnMapping, ContactsFormat, ImportPlan, ParsedCsv };
export { MAX_IMPORT_BYTES };

const saveCsv = (name: string, text: string) => downloadText(name, text, 'text/csv;charset=utf-8');

export async function downloadClientsCsv(): Promise<void> {
  saveCsv('touchbase-clients.csv', await clientsCsv());
}

export async function downloadTouchpointsCsv(): Promise<void> {
  saveCsv('touchbase-touchpoints.csv', await touchpointsCsv());
}

/** A chosen CSV file (at most MAX_IMPORT_BYTES, refused unread when larger), parsed, with its format and column mapping guessed. */
export async function readContactsFile(file: File): Promise<ParsedCsv> {
  return parseContactsCsv(await readFileText(file, MAX_IMPORT_BYTES, 'a contacts file'));
}

/** What importing with this mapping would do: the contacts, the rows skipped and why. */
export function planContactsImport(parsed: Pick<ParsedCsv, 'rows'>, mapping: ColumnMapping): Promise<ImportPlan> {
  return planImport(parsed, mapping);
}

export function useImportContacts() {
  return useWrite({ mutationFn: (plan: ImportPlan) => importContacts(plan) });
}
