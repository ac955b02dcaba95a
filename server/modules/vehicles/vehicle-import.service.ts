import type { ImportReport } from '../../../common/vehicles/vehicle.schemas';
import { vehicleLocations } from '../../../common/vehicles/vehicle.status';
import { decodeVin } from '../../../common/rules/vin';
import { isValidCivilDate, localToday } from '../../../common/rules/civil-date';
import { fenToYuanString, parseYuanToFen } from '../../../common/rules/money';
import { formatRuleMessage } from '../../../common/rules/messages';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAuditBatch } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { interpolate, type Lang } from '../../platform/i18n';
import { newId, nowIso } from '../../platform/ids';
import { emitEvent } from '../../platform/jobs';
import { requirePermission, type Actor } from '../../platform/permissions';
import { readSheet, writeSheet, type SheetRow } from '../../platform/tabular';
import { findTrimSummaries, trimIdsByCode } from '../catalog';
import { existingVins, insertVehicles, trimColourCodes, type VehicleRow } from './vehicle.repo';
import { modelYearOf, resolveTargetStore } from './vehicle.service';
import { reachStores, stockAge } from './vehicle.view';

export const stockColumns = [
  'vin',
  'trimCode',
  'exteriorColourCode',
  'interiorColourCode',
  'engineNo',
  'cocNo',
  'productionDate',
  'purchaseCost',
  'holdingCostPerDay',
  'supplierRef',
  'location',
  'status',
  'arrivedOn',
] as const;

const messages: Record<string, Record<Lang, string>> = {
  required: { en: 'Required', 'zh-CN': '必填' },
  missing_column: { en: 'The file has no column "{value}"', 'zh-CN': '文件缺少“{value}”列' },
  duplicate_in_file: { en: 'VIN already on line {value}', 'zh-CN': '车架号与第 {value} 行重复' },
  'vehicles.vin_exists': {
    en: 'A vehicle with this VIN is already in stock',
    'zh-CN': '该车架号的车辆已在库存中',
  },
  unknown_trim: { en: 'Unknown trim code "{value}"', 'zh-CN': '未知的车型配置代码“{value}”' },
  unknown_colour: {
    en: 'Not a colour code of this trim: "{value}"',
    'zh-CN': '不是该配置的颜色代码：“{value}”',
  },
  invalid_date: {
    en: 'Not a date (YYYY-MM-DD): "{value}"',
    'zh-CN': '日期格式不正确（YYYY-MM-DD）：“{value}”',
  },
  invalid_amount: {
    en: 'Not an amount in yuan with at most 2 decimals: "{value}"',
    'zh-CN': '金额应为最多两位小数的元：“{value}”',
  },
  invalid_value: { en: 'Not an allowed value: "{value}"', 'zh-CN': '不是允许的取值：“{value}”' },
  too_long: { en: 'Too long (at most {value} characters)', 'zh-CN': '过长（最多 {value} 个字符）' },
};

interface RowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

const importStatuses = ['on_order', 'in_transit', 'in_stock'];

/**
 * Imports stock vehicles from CSV/XLSX. Every row is checked (VIN with its check digit, trim and colour
 * codes, dates, amounts in yuan, duplicates in the file and in the database) and reported by line.
 * dry-run writes nothing; strict writes nothing if any row is bad (422); lenient writes the good rows.
 * The writes are batched in the one transaction of the request.
 */
export async function importVehicles(
  trx: Trx,
  actor: Actor,
  options: { mode: ImportReport['mode']; storeId?: string; body: Buffer; contentType?: string; lang: Lang },
): Promise<ImportReport> {
  const reach = requirePermission(actor, 'vehicles.manage');
  const store = await resolveTargetStore(trx, actor, reach, options.storeId);
  const sheet = await readSheet(options.body, options.contentType);
  const { lang } = options;
  const errors: RowError[] = [];
  const fail = (line: number, field: string | null, code: string, value: string | number = '') =>
    errors.push({ line, field, code, message: interpolate(messages[code]?.[lang] ?? code, { value }) });
  const present = new Set(sheet.flatMap((r) => Object.keys(r.values)));
  for (const col of ['vin', 'trimCode'])
    if (sheet.length > 0 && !present.has(col)) fail(1, col, 'missing_column', col);

  const cell = (r: SheetRow, col: (typeof stockColumns)[number]) => (r.values[col] ?? '').trim();
  const trimIds = await trimIdsByCode(trx, actor.groupId, [
    ...new Set(sheet.map((r) => cell(r, 'trimCode'))),
  ]);
  const colours = new Map(
    (await trimColourCodes(trx, [...trimIds.values()])).map((c) => [
      `${c.trim_id}|${c.kind}|${c.code}`,
      c.id,
    ]),
  );
  const today = localToday(store.timezone);
  const now = nowIso();
  const firstLine = new Map<string, number>();
  const candidates: { line: number; row: VehicleRow }[] = [];
  for (const r of sheet) {
    const before = errors.length;
    const rawVin = cell(r, 'vin');
    const decoded = decodeVin(rawVin);
    if (!rawVin) fail(r.line, 'vin', 'required');
    else if (!decoded.valid)
      for (const e of decoded.errors)
        errors.push({
          line: r.line,
          field: 'vin',
          code: e.code,
          message: formatRuleMessage(e.code, e.params, lang),
        });
    else {
      const seen = firstLine.get(decoded.normalized!);
      if (seen !== undefined) fail(r.line, 'vin', 'duplicate_in_file', seen);
      else firstLine.set(decoded.normalized!, r.line);
    }
    const trimCode = cell(r, 'trimCode');
    const trimId = trimIds.get(trimCode);
    if (!trimCode) fail(r.line, 'trimCode', 'required');
    else if (!trimId) fail(r.line, 'trimCode', 'unknown_trim', trimCode);
    const colour = (col: 'exteriorColourCode' | 'interiorColourCode', kind: string) => {
      const code = cell(r, col);
      if (!code || !trimId) return null;
      const id = colours.get(`${trimId}|${kind}|${code}`);
      if (!id) fail(r.line, col, 'unknown_colour', code);
      return id ?? null;
    };
    const date = (col: 'productionDate' | 'arrivedOn') => {
      const v = cell(r, col);
      if (v && !isValidCivilDate(v)) fail(r.line, col, 'invalid_date', v);
      return v || null;
    };
    const money = (col: 'purchaseCost' | 'holdingCostPerDay') => {
      const v = cell(r, col);
      if (!v) return null;
      const fen = parseYuanToFen(v);
      if (fen === null || fen < 0) fail(r.line, col, 'invalid_amount', v);
      return fen;
    };
    const text = (col: 'engineNo' | 'cocNo' | 'supplierRef', max: number) => {
      const v = cell(r, col);
      if (v.length > max) fail(r.line, col, 'too_long', max);
      return v || null;
    };
    const choice = (col: 'status' | 'location', allowed: readonly string[], fallback: string) => {
      const v = cell(r, col) || fallback;
      if (!allowed.includes(v)) fail(r.line, col, 'invalid_value', v);
      return v;
    };
    const status = choice('status', importStatuses, 'in_stock');
    const row: VehicleRow = {
      id: newId(),
      group_id: actor.groupId,
      store_id: store.id,
      vin: decoded.normalized ?? rawVin,
      trim_id: trimId ?? '',
      exterior_colour_id: colour('exteriorColourCode', 'exterior'),
      interior_colour_id: colour('interiorColourCode', 'interior'),
      engine_no: text('engineNo', 40),
      coc_no: text('cocNo', 40),
      production_date: date('productionDate'),
      model_year: decoded.valid ? modelYearOf(decoded) : null,
      purchase_cost: money('purchaseCost'),
      holding_cost_per_day: money('holdingCostPerDay'),
      supplier_ref: text('supplierRef', 60),
      location: choice('location', vehicleLocations, status === 'in_transit' ? 'in_transit' : 'yard'),
      location_note: null,
      status,
      arrived_on: date('arrivedOn') ?? (status === 'in_stock' ? today : null),
      reserved_deal_id: null,
      reserved_by: null,
      reserved_until: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    if (errors.length === before) candidates.push({ line: r.line, row });
  }
  const taken = await existingVins(
    trx,
    candidates.map((c) => c.row.vin),
  );
  const good = candidates.filter((c) => {
    if (!taken.has(c.row.vin)) return true;
    fail(c.line, 'vin', 'vehicles.vin_exists');
    return false;
  });
  errors.sort((a, b) => a.line - b.line);
  const badLines = new Set(errors.map((e) => e.line)).size;
  if (options.mode === 'strict' && errors.length > 0)
    throw new AppError('import.rows_invalid', {
      params: { count: badLines },
      errors: errors.map((e) => ({
        path: `line:${e.line}.${e.field ?? ''}`,
        code: e.code,
        message: e.message,
      })),
    });
  const report: ImportReport = {
    mode: options.mode,
    rows: sheet.length,
    valid: good.length,
    written: 0,
    errors,
  };
  if (options.mode === 'dry-run' || good.length === 0) return report;
  const rows = good.map((g) => g.row);
  await insertVehicles(trx, rows);
  await recordAuditBatch(
    trx,
    rows.map((r) => ({
      actorId: actor.userId,
      storeId: store.id,
      entity: 'vehicle',
      entityId: r.id,
      action: 'import',
      after: { vin: r.vin, trimId: r.trim_id, status: r.status, location: r.location },
    })),
  );
  await emitEvent(trx, 'vehicles.stock.imported', { storeId: store.id, count: rows.length }, store.id);
  return { ...report, written: rows.length };
}

/** Stock as a spreadsheet with the import's columns (amounts in yuan), so a file can go out and back in. */
export async function exportVehicles(
  db: DbOrTrx,
  actor: Actor,
  options: { format: 'csv' | 'xlsx'; storeId?: string },
): Promise<Buffer> {
  const reach = requirePermission(actor, 'vehicles.manage');
  let q = db.selectFrom('vehicles').selectAll().where('group_id', '=', reach.groupId).orderBy('vin');
  if (options.storeId) {
    const store = await resolveTargetStore(db, actor, reach, options.storeId);
    q = q.where('store_id', '=', store.id);
  } else {
    const stores = reachStores(reach);
    if (stores) q = stores.length ? q.where('store_id', 'in', stores) : q.where('id', 'is', null);
  }
  const rows = await q.execute();
  const trims = await findTrimSummaries(
    db,
    rows.map((r) => r.trim_id),
  );
  const colourCode = new Map(
    (
      await trimColourCodes(
        db,
        rows.map((r) => r.trim_id),
      )
    ).map((c) => [c.id, c.code]),
  );
  const today = localToday('Asia/Shanghai');
  const yuan = (fen: number | null) => (fen === null ? null : fenToYuanString(Number(fen)));
  return writeSheet(
    options.format,
    [...stockColumns, 'stockAgeDays'],
    rows.map((r) => [
      r.vin,
      trims.get(r.trim_id)?.code ?? '',
      r.exterior_colour_id ? (colourCode.get(r.exterior_colour_id) ?? '') : '',
      r.interior_colour_id ? (colourCode.get(r.interior_colour_id) ?? '') : '',
      r.engine_no,
      r.coc_no,
      r.production_date,
      yuan(r.purchase_cost),
      yuan(r.holding_cost_per_day),
      r.supplier_ref,
      r.location,
      r.status,
      r.arrived_on,
      stockAge(r, today),
    ]),
  );
}
