import type { z } from 'zod';
import { featureKeys } from '../../../common/catalog/catalog.enums';
import { createTrimSchema, type TrimExportQuery } from '../../../common/catalog/trim.schemas';
import type { importReportSchema } from '../../../common/vehicles/vehicle.schemas';
import type { DbOrTrx, Dialect, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { fieldMessages, interpolate, type Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import type { SheetRow } from '../../platform/tabular';
import { requireCatalogManage, requireCatalogRead } from './catalog.access';
import { modelsWithBrandCode } from './model.repo';
import { loadTrimParts, replaceFeatures } from './trim-parts.repo';
import { findTrimsByCode, insertTrim, trimFilterQuery, updateTrimRow, type TrimRow } from './trim.repo';
import { fullAttributeColumns, powertrainProblems } from './trim.rules';
import { trimFilters } from './trim.service';

type ImportReport = z.infer<typeof importReportSchema>;
type RowError = ImportReport['errors'][number];
type Mode = ImportReport['mode'];

/** The spreadsheet columns of trims, for import and export alike. */
export const trimColumns = [
  'brandCode',
  'modelCode',
  'code',
  'name',
  'nameEn',
  'modelYear',
  'bodyType',
  'seats',
  'energy',
  'drivetrain',
  'transmission',
  'powerKw',
  'torqueNm',
  'displacementMl',
  'batteryKwh',
  'rangeKm',
  'fuelLPer100km',
  'lengthMm',
  'wheelbaseMm',
  'features',
  'active',
] as const;

const importRowSchema = createTrimSchema.omit({ modelId: true, colours: true });
const integerColumns = [
  'modelYear',
  'seats',
  'powerKw',
  'torqueNm',
  'displacementMl',
  'rangeKm',
  'lengthMm',
  'wheelbaseMm',
] as const;
/** API field → spreadsheet column, where they differ (the sheet speaks kWh and litres, the API Wh and tenths). */
const columnOf: Record<string, string> = { batteryWh: 'batteryKwh', fuelLPer100kmX10: 'fuelLPer100km' };

interface ParsedRow {
  line: number;
  modelId: string;
  data: z.infer<typeof importRowSchema>;
  active: boolean;
}

function parseNumber(
  raw: string | undefined,
  column: string,
  scale: number,
  errors: RowError[],
  line: number,
) {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(n)) {
    errors.push({ line, field: column, code: 'invalid_type', message: `${column}: not a number` });
    return undefined;
  }
  return Math.round(n * scale);
}

function parseActive(raw: string | undefined, line: number, errors: RowError[]) {
  const v = (raw ?? '').trim().toLowerCase();
  if (['', 'true', '1', 'yes', 'y', '是'].includes(v)) return true;
  if (['false', '0', 'no', 'n', '否'].includes(v)) return false;
  errors.push({ line, field: 'active', code: 'invalid_value', message: 'active: true or false' });
  return true;
}

/** One sheet row → a valid trim, or its errors (every problem of the row, each naming its column). */
function parseRow(
  row: SheetRow,
  models: Map<string, string>,
  lang: Lang,
): { parsed?: ParsedRow; errors: RowError[] } {
  const v = row.values;
  const errors: RowError[] = [];
  const num = (col: string, scale = 1) => parseNumber(v[col], col, scale, errors, row.line);
  const candidate: Record<string, unknown> = {
    code: v.code ?? '',
    name: v.name ?? '',
    nameEn: v.nameEn || v.name || '',
    bodyType: v.bodyType ?? '',
    energy: v.energy ?? '',
    drivetrain: v.drivetrain ?? '',
    transmission: v.transmission ?? '',
    batteryWh: num('batteryKwh', 1000),
    fuelLPer100kmX10: num('fuelLPer100km', 10),
    features: (v.features ?? '')
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean),
  };
  for (const col of integerColumns) candidate[col] = num(col);
  for (const required of ['modelYear', 'seats', 'powerKw'] as const)
    if (candidate[required] === null) candidate[required] = undefined;
  const active = parseActive(v.active, row.line, errors);
  const result = importRowSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (errors.some((e) => e.field === (columnOf[field] ?? field))) continue;
      const template = fieldMessages[issue.code]?.[lang];
      const message =
        issue.code === 'invalid_value' && field === 'features'
          ? `features: unknown key; use ${featureKeys.join(', ')}`
          : `${columnOf[field] ?? field}: ${template ? interpolate(template, issue as unknown as Record<string, unknown>) : issue.message}`;
      errors.push({ line: row.line, field: columnOf[field] ?? field, code: issue.code, message });
    }
  }
  const modelId = models.get(`${v.brandCode ?? ''}/${v.modelCode ?? ''}`);
  if (!modelId) {
    errors.push({
      line: row.line,
      field: 'modelCode',
      code: 'unknown_reference',
      message: `no model ${v.modelCode ?? ''} of brand ${v.brandCode ?? ''} in the catalogue`,
    });
  }
  if (result.success) {
    for (const p of powertrainProblems(fullAttributeColumns(result.data))) {
      const field = columnOf[p.path] ?? p.path;
      errors.push({ line: row.line, field, code: p.code, message: `${field}: ${p.message}` });
    }
  }
  if (errors.length || !result.success || !modelId) return { errors };
  return { parsed: { line: row.line, modelId, data: result.data, active }, errors };
}

const sameFeatures = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/**
 * Imports trims from a spreadsheet, upserting by trim code. Every bad row is reported by line number;
 * dry-run writes nothing; strict writes nothing when any row is bad (422); lenient writes the good rows.
 */
export async function importTrims(
  trx: Trx,
  actor: Actor,
  rows: SheetRow[],
  mode: Mode,
  lang: Lang,
): Promise<ImportReport> {
  const reach = requireCatalogManage(actor);
  const models = new Map(
    (await modelsWithBrandCode(trx, reach.groupId)).map((m) => [`${m.brand_code}/${m.code}`, m.id]),
  );
  const errors: RowError[] = [];
  const valid: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const { parsed, errors: rowErrors } = parseRow(row, models, lang);
    const code = row.values.code ?? '';
    if (code && seen.has(code)) {
      rowErrors.push({
        line: row.line,
        field: 'code',
        code: 'duplicate',
        message: `code ${code} is also on line ${seen.get(code)}`,
      });
    } else if (code) seen.set(code, row.line);
    errors.push(...rowErrors);
    if (parsed && rowErrors.length === 0) valid.push(parsed);
  }
  const existing = await findTrimsByCode(
    trx,
    reach.groupId,
    valid.map((p) => p.data.code),
  );
  for (const p of valid) {
    const old = existing.get(p.data.code);
    if (old && old.model_id !== p.modelId) {
      errors.push({
        line: p.line,
        field: 'modelCode',
        code: 'immutable',
        message: `trim ${p.data.code} belongs to another model`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  const badLines = new Set(errors.map((e) => e.line));
  const good = valid.filter((p) => !badLines.has(p.line));
  const report: ImportReport = { mode, rows: rows.length, valid: good.length, written: 0, errors };
  if (mode === 'dry-run') return report;
  if (mode === 'strict' && errors.length) {
    throw new AppError('import.rows_invalid', {
      params: { count: badLines.size },
      errors: errors.map((e) => ({
        path: `line:${e.line}.${e.field ?? 'row'}`,
        code: e.code,
        message: e.message,
      })),
    });
  }
  const parts = await loadTrimParts(
    trx,
    [...existing.values()].map((t) => t.id),
  );
  const now = nowIso();
  for (const p of good) {
    const old = existing.get(p.data.code);
    const columns = {
      ...fullAttributeColumns(p.data),
      name: p.data.name,
      name_en: p.data.nameEn,
      active: p.active ? 1 : 0,
    };
    if (!old) {
      const row: TrimRow = {
        id: newId(),
        group_id: reach.groupId,
        model_id: p.modelId,
        code: p.data.code,
        ...columns,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await insertTrim(trx, row);
      await replaceFeatures(trx, row.id, p.data.features);
      await recordAudit(trx, {
        actorId: actor.userId,
        storeId: null,
        entity: 'trim',
        entityId: row.id,
        action: 'import',
        after: { code: row.code, ...columns, features: p.data.features },
      });
      report.written++;
      continue;
    }
    const changed = Object.entries(columns).filter(([k, val]) => old[k as keyof TrimRow] !== val);
    const featuresChanged = !sameFeatures(parts.features.get(old.id) ?? [], p.data.features);
    if (changed.length === 0 && !featuresChanged) continue;
    // an import overwrites whatever version it finds: it is the catalogue's master data load
    await updateTrimRow(trx, old.id, old.version, { ...Object.fromEntries(changed), updated_at: now });
    if (featuresChanged) await replaceFeatures(trx, old.id, p.data.features);
    await recordAudit(trx, {
      actorId: actor.userId,
      storeId: null,
      entity: 'trim',
      entityId: old.id,
      action: 'import',
      before: {
        ...Object.fromEntries(changed.map(([k]) => [k, old[k as keyof TrimRow]])),
        ...(featuresChanged ? { features: parts.features.get(old.id) ?? [] } : {}),
      },
      after: { ...Object.fromEntries(changed), ...(featuresChanged ? { features: p.data.features } : {}) },
    });
    report.written++;
  }
  if (report.written)
    await emitEvent(trx, 'catalog.trims.imported', { rows: report.rows, written: report.written });
  return report;
}

/** The trims matching the list filters as spreadsheet rows, in the import's columns (so an export re-imports). */
export async function exportTrims(db: DbOrTrx, dialect: Dialect, actor: Actor, query: TrimExportQuery) {
  const reach = requireCatalogRead(actor);
  const { format: _format, ...filters } = query;
  const rows = await trimFilterQuery(db, dialect, reach.groupId, trimFilters(filters))
    .orderBy('trims.code')
    .execute();
  const models = new Map((await modelsWithBrandCode(db, reach.groupId)).map((m) => [m.id, m]));
  const parts = await loadTrimParts(
    db,
    rows.map((r) => r.id),
  );
  const decimal = (v: number | null, scale: number) => (v === null ? null : String(v / scale));
  return rows.map((r) => [
    models.get(r.model_id)?.brand_code ?? '',
    models.get(r.model_id)?.code ?? '',
    r.code,
    r.name,
    r.name_en,
    r.model_year,
    r.body_type,
    r.seats,
    r.energy,
    r.drivetrain,
    r.transmission,
    r.power_kw,
    r.torque_nm,
    r.displacement_ml,
    decimal(r.battery_wh, 1000),
    r.range_km,
    decimal(r.fuel_l_per_100km_x10, 10),
    r.length_mm,
    r.wheelbase_mm,
    (parts.features.get(r.id) ?? []).join('|'),
    r.active === 1 ? 'true' : 'false',
  ]);
}
