import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The JT/T 1132 health record as handed to an upload adapter. */
export interface HealthRecordPayload {
  companyName: string;
  companyCode: string | null;
  vin: string;
  plateNumber: string | null;
  repairDate: string;
  mileageKm: number;
  settlementDate: string;
  settlementNumber: string;
  repairOrderNumber: string;
  faultDescription: string;
  repairItems: { name: string; hours: number }[];
  parts: { name: string; code: string; quantity: number }[];
}

/** Where records go: a provincial platform's uploader would implement the same interface. */
export interface HealthRecordAdapter {
  name: string;
  /** Returns a reference to what was delivered (a file path, a platform receipt). Throws on failure. */
  upload(record: HealthRecordPayload, id: string): Promise<string>;
}

/**
 * The default adapter: one JSON file per record under `FORECOURT_HEALTH_RECORD_DIR` (default
 * `<data dir>/health-records`), for a platform's bulk import or an operator to upload.
 */
export function fileExportAdapter(dir: string): HealthRecordAdapter {
  return {
    name: 'file',
    async upload(record, id) {
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${record.repairOrderNumber}-${id}.json`);
      await writeFile(path, JSON.stringify(record, null, 2), 'utf8');
      return path;
    },
  };
}

/** The adapter the export job uses now (read on each run, so a changed setting applies to retries). */
export function healthRecordAdapter(): HealthRecordAdapter {
  const dir =
    process.env.FORECOURT_HEALTH_RECORD_DIR ??
    join(process.env.FORECOURT_DATA_DIR ?? './data', 'health-records');
  return fileExportAdapter(dir);
}
