import type { patchSalesSettingsSchema } from '../../../common/sales/deal.schemas';
import { type SalesSettings } from '../../../common/sales/deal.schemas';
import {
  defaultCareCallDays,
  defaultFirstMaintenance,
  defaultPdiItems,
} from '../../../common/sales/delivery.checklist';
import type { z } from 'zod';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { defaultClauses } from './contract.texts';

type Stored = Omit<SalesSettings, 'storeId' | 'version'>;

/**
 * A store's sales rules until it sets its own: consultants give up to ¥5,000 and sales managers up to
 * ¥30,000 off the displayed price alone, a store manager any (H4 approval threshold); care calls on
 * day 1, 7 and 30; first maintenance at 6 months or 5,000 km; two keys.
 */
export function defaultSalesSettings(store: {
  name: string;
  tax_id: string | null;
  address: string | null;
}): Stored {
  return {
    discountLimits: {
      sales_consultant: 500_000,
      sales_manager: 3_000_000,
      store_manager: null,
      group_admin: null,
    },
    careCallDays: [...defaultCareCallDays],
    firstMaintenanceMonths: defaultFirstMaintenance.months,
    firstMaintenanceKm: defaultFirstMaintenance.km,
    pdiItems: [...defaultPdiItems],
    depositRefundableOnWithdrawal: true,
    keysExpected: 2,
    sellerName: store.name,
    sellerTaxId: store.tax_id,
    sellerAddress: store.address,
    sellerPhone: null,
    sellerBank: null,
    contractClauses: defaultClauses,
  };
}

/** The store's sales settings (its own, or the defaults). */
export async function salesSettingsOf(db: DbOrTrx, storeId: string): Promise<SalesSettings> {
  const store = await findStoreRow(db, storeId);
  if (!store) throw notFound('store');
  const row = await db
    .selectFrom('sales_settings')
    .selectAll()
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  const base = defaultSalesSettings(store);
  const stored = row ? { ...base, ...(JSON.parse(row.settings_json) as Partial<Stored>) } : base;
  return { ...stored, storeId, version: row?.version ?? 1 };
}

/** Everyone who sells in the store reads its rules (the deal desk shows the consultant's own limit). */
export async function getSalesSettings(db: DbOrTrx, actor: Actor, storeId: string) {
  const store = await findStoreRow(db, storeId);
  const reach = requirePermission(actor, 'deals.read');
  const inReach =
    store &&
    (reach.scope === 'own'
      ? actor.storeRoles.some((r) => r.storeId === store.id)
      : reaches(reach, { groupId: store.group_id, storeIds: [store.id] }));
  if (!store || !inReach) throw notFound('store');
  return salesSettingsOf(db, storeId);
}

/** A store manager changes the store's sales rules (discount limits, care plan, PDI items, seller data). */
export async function patchSalesSettings(
  trx: Trx,
  actor: Actor,
  storeId: string,
  input: z.infer<typeof patchSalesSettingsSchema>,
) {
  const store = await findStoreRow(trx, storeId);
  if (
    !store ||
    !reaches(requirePermission(actor, 'deals.read'), { groupId: store.group_id, storeIds: [store.id] })
  )
    throw notFound('store');
  // the store's rules are set by whoever manages the store (store manager, group admin)
  if (!reaches(requirePermission(actor, 'users.manage'), { groupId: store.group_id, storeIds: [store.id] }))
    throw new AppError('auth.forbidden');
  const before = await salesSettingsOf(trx, storeId);
  if (input.version !== before.version) throw versionConflict(before.version);
  const { version, ...changes } = input;
  const { storeId: _s, version: _v, ...current } = before;
  const next: Stored = { ...current, ...changes };
  const now = nowIso();
  const exists = await trx
    .selectFrom('sales_settings')
    .select('version')
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  if (exists) {
    const res = await trx
      .updateTable('sales_settings')
      .set({ settings_json: JSON.stringify(next), version: version + 1, updated_at: now })
      .where('store_id', '=', storeId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict(version + 1);
  } else {
    await trx
      .insertInto('sales_settings')
      .values({
        store_id: storeId,
        group_id: store.group_id,
        settings_json: JSON.stringify(next),
        version: 2,
        updated_at: now,
      })
      .execute();
  }
  const after = await salesSettingsOf(trx, storeId);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId,
    entity: 'sales_settings',
    entityId: storeId,
    action: 'update',
    before: current,
    after: next,
  });
  return after;
}
