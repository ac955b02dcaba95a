import type { z } from 'zod';
import type { createCampaignSchema } from '../../../common/service/workshop.schemas';
import { localToday } from '../../../common/rules/civil-date';
import { isValidVin } from './vin-check';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import type { ServiceCampaignsTable } from './service.tables';

type CampaignRow = ServiceCampaignsTable;

const toCampaign = (r: CampaignRow, vinCount: number) => ({
  id: r.id,
  code: r.code,
  title: r.title,
  kind: r.kind,
  description: r.description,
  vinCount,
  vinFrom: r.vin_from,
  vinTo: r.vin_to,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  version: r.version,
});

/**
 * A maker's recall or service campaign (召回/服务活动) for the group: the VINs it covers as a list, a
 * range (same 17-character alphabet, so text order is VIN order) or both. Check-in flags a match.
 */
export async function createCampaign(trx: Trx, actor: Actor, input: z.infer<typeof createCampaignSchema>) {
  requirePermission(actor, 'workshop.manage');
  const errors = [];
  if (!input.vins?.length && !(input.vinFrom && input.vinTo))
    errors.push({ path: 'vins', code: 'required', message: 'a VIN list or a VIN range' });
  if ((input.vinFrom && !input.vinTo) || (!input.vinFrom && input.vinTo))
    errors.push({
      path: input.vinFrom ? 'vinTo' : 'vinFrom',
      code: 'required',
      message: 'both ends of the range',
    });
  if (input.vinFrom && input.vinTo && input.vinFrom > input.vinTo)
    errors.push({ path: 'vinTo', code: 'too_small', message: 'the range ends before it starts' });
  (input.vins ?? []).forEach((v, i) => {
    if (!isValidVin(v)) errors.push({ path: `vins.${i}`, code: 'invalid_vin', message: 'check digit' });
  });
  if (input.endsOn && input.endsOn < input.startsOn)
    errors.push({ path: 'endsOn', code: 'too_small', message: 'ends before it starts' });
  if (errors.length) throw new AppError('request.invalid', { errors });
  const exists = await trx
    .selectFrom('service_campaigns')
    .select('id')
    .where('group_id', '=', actor.groupId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (exists)
    throw new AppError('resource.duplicate', {
      errors: [{ path: 'code', code: 'duplicate', message: input.code }],
    });
  const now = nowIso();
  const row: CampaignRow = {
    id: newId(),
    group_id: actor.groupId,
    code: input.code,
    title: input.title,
    kind: input.kind,
    description: input.description ?? null,
    vin_from: input.vinFrom ?? null,
    vin_to: input.vinTo ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('service_campaigns').values(row).execute();
  const vins = [...new Set(input.vins ?? [])];
  for (let i = 0; i < vins.length; i += 500)
    await trx
      .insertInto('service_campaign_vins')
      .values(vins.slice(i, i + 500).map((vin) => ({ campaign_id: row.id, vin })))
      .execute();
  const view = toCampaign(row, vins.length);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'service_campaign',
    entityId: row.id,
    action: 'create',
    after: view,
  });
  return view;
}

/** Active campaigns of the group that cover this VIN on a local date (check-in's recall flag). */
export async function openCampaignsForVin(db: DbOrTrx, groupId: string, vin: string, today: string) {
  const rows = await db
    .selectFrom('service_campaigns')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('service_campaign_vins')
            .select('vin')
            .whereRef('service_campaign_vins.campaign_id', '=', 'service_campaigns.id')
            .where('service_campaign_vins.vin', '=', vin),
        ),
        eb.and([eb('vin_from', '<=', vin), eb('vin_to', '>=', vin)]),
      ]),
    )
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, title: r.title, kind: r.kind }));
}

export async function listCampaigns(
  db: DbOrTrx,
  actor: Actor,
  query: { limit: number; cursor?: string; vin?: string },
) {
  const reach = requirePermission(actor, 'service.read');
  let q = db.selectFrom('service_campaigns').selectAll().where('group_id', '=', reach.groupId);
  if (query.vin) {
    // open today in the actor's store (a campaign is group-wide, its dates are local dates)
    const store = await findStoreRow(db, actor.storeRoles[0]?.storeId ?? '');
    const today = localToday(store?.timezone ?? 'Asia/Shanghai'); // a new store's default zone
    const ids = (await openCampaignsForVin(db, reach.groupId, query.vin, today)).map((c) => c.id);
    q = q.where('id', 'in', ids.length ? ids : ['']);
  }
  const sort = { column: 'id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'id', query.limit, query.cursor).execute();
  const counts = new Map<string, number>();
  if (rows.length) {
    const c = await db
      .selectFrom('service_campaign_vins')
      .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'campaign_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy('campaign_id')
      .execute();
    for (const x of c) counts.set(x.campaign_id, Number(x.n));
  }
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => toCampaign(r, counts.get(r.id) ?? 0),
  );
}
