import { describe, expect, it } from 'vitest';
import { csvType, readSheet, writeSheet, xlsxType } from './tabular';

describe('spreadsheet import and export', () => {
  const headers = ['vin', 'trimCode', 'note'];
  const rows = [
    ['LGXC16AF4R0000001', 'BYD-HAN-EV-610', '展厅, "A1"'],
    ['LFV2A21K5R3000002', 'VW-MAGOTAN-330', null],
  ];

  it('round-trips CSV with Chinese text, commas and quotes, keeping line numbers', async () => {
    const csv = await writeSheet('csv', headers, rows);
    const read = await readSheet(csv, csvType);
    expect(read).toEqual([
      { line: 2, values: { vin: 'LGXC16AF4R0000001', trimCode: 'BYD-HAN-EV-610', note: '展厅, "A1"' } },
      { line: 3, values: { vin: 'LFV2A21K5R3000002', trimCode: 'VW-MAGOTAN-330', note: '' } },
    ]);
  });

  it('round-trips XLSX', async () => {
    const xlsx = await writeSheet('xlsx', headers, rows);
    const read = await readSheet(xlsx, xlsxType);
    expect(read.map((r) => r.values.note)).toEqual(['展厅, "A1"', '']);
    expect(read.map((r) => r.line)).toEqual([2, 3]);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    await expect(readSheet(Buffer.from('PK\u0003\u0004garbage'), xlsxType)).rejects.toMatchObject({
      code: 'import.unreadable_file',
    });
  });
});
