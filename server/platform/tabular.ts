import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { AppError } from './errors';

/**
 * Spreadsheet import and export (CSV and XLSX) shared by every module that imports or exports rows.
 * A row keeps its line number in the file (header = line 1) so import reports can point at it.
 */
export const csvType = 'text/csv';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const importBodyLimit = 25 * 1024 * 1024;

export interface SheetRow {
  line: number;
  values: Record<string, string>;
}

/** Accepts CSV and XLSX uploads as raw bodies (`Content-Type: text/csv` or the XLSX type). */
export function registerTabularParsers(app: FastifyInstance) {
  app.addContentTypeParser(
    [csvType, xlsxType],
    { parseAs: 'buffer', bodyLimit: importBodyLimit },
    (_req, body, done) => done(null, body),
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Reads a CSV (UTF-8, with or without BOM) or XLSX (first sheet) body into trimmed rows keyed by header. */
export async function readSheet(body: Buffer, contentType: string | undefined): Promise<SheetRow[]> {
  try {
    if (contentType?.startsWith(xlsxType)) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) return [];
      const headers: string[] = [];
      sheet
        .getRow(1)
        .eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
      const rows: SheetRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, line) => {
        if (line === 1) return;
        const values: Record<string, string> = {};
        headers.forEach((h, i) => {
          if (h) values[h] = cellText(row.getCell(i + 1).value).trim();
        });
        if (Object.values(values).some((v) => v !== '')) rows.push({ line, values });
      });
      return rows;
    }
    const records = parse(body, {
      bom: true,
      columns: (h: string[]) => h.map((x) => x.trim()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return records.map((r) => ({ line: r.info.lines, values: r.record }));
  } catch (err) {
    throw new AppError('import.unreadable_file', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

/** Writes rows as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or XLSX. */
export async function writeSheet(
  format: 'csv' | 'xlsx',
  headers: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.concat([
      Buffer.from('\ufeff'),
      Buffer.from(stringify([headers, ...rows.map((r) => r.map((v) => v ?? ''))])),
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((v) => v ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
