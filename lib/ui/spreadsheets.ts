/** Spreadsheets (lib/csv) for the options page: CSV exports, and the contacts and sales imports. */
import { clientsCsv, touchpointsCsv } from '../csv/export';
import {
  importContacts, MAX_IMPORT_BYTES, parseContactsCsv, planImport, type ColumnMapping, type ContactsFormat, type ImportPlan, type ParsedCsv,
} from '../csv/import';
import { importSales, parseSalesCsv, planSalesImport, type ParsedSalesCsv, type SalesMapping, type SalesPlan } from '../csv/sales';
import { downloadText, readFileText } from './files';
import { useWrite } from './write';

export type { ColumnMapping, ContactsFormat, ImportPlan, ParsedCsv, ParsedSalesCsv, SalesMapping, SalesPlan };
export { MAX_IMPORT_BYTES };
export { isoDay } from '../csv/sales';

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

/** A chosen sales file, parsed, with its columns guessed. */
export async function readSalesFile(file: File): Promise<ParsedSalesCsv> {
  return parseSalesCsv(await readFileText(file, MAX_IMPORT_BYTES, 'a sales file'));
}

/** What importing these sales would do: the sales, the new buyers, the rows skipped and why. */
export function planSales(parsed: Pick<ParsedSalesCsv, 'rows'>, mapping: SalesMapping): Promise<SalesPlan> {
  return planSalesImport(parsed, mapping);
}

export function useImportSales() {
  return useWrite({ mutationFn: (plan: SalesPlan) => importSales(plan) });
}
