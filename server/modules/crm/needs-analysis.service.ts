import type { z } from 'zod';
import {
  changedAnswers,
  normaliseAnswers,
  type needsAnalysisListQuery,
  type NeedsAnalysis,
  type NeedsAnalysisDetail,
  type saveNeedsAnalysisSchema,
} from '../../../common/crm/needs-analysis.schemas';
import type { DbOrTrx, Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { AppError, versionConflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyPage, toPage } from '../../platform/pagination';
import { requirePermission, type Actor } from '../../platform/permissions';
import { assertLeadReach, loadLeadFor } from './needs.access';
import {
  findNeedsAnalysis,
  insertNeedsAnalysis,
  latestVersionOfLead,
  latestVersions,
  needsWithLead,
  versionsOfLead,
  type NeedsAnalysisView,
} from './needs-analysis.repo';
import { answersOf, toNeedsAnalysis } from './needs-analysis.view';
import { knownBrandIds } from './recommendation.repo';
import { recordCustomerEvent } from './timeline.service';

type SaveInput = z.infer<typeof saveNeedsAnalysisSchema>;

/**
 * Saves what the customer needs (H3.3.1) as a new version of the lead's needs analysis: the last one is
 * never overwritten, so the history shows how the need changed (H3.2.2). The consultant names the
 * version they saw; a stale one is 409. Answers equal to the latest are not a new version (200).
 */
export async function saveNeedsAnalysis(
  trx: Trx,
  actor: Actor,
  input: SaveInput,
): Promise<{ created: boolean; analysis: NeedsAnalysis }> {
  const lead = await loadLeadFor(trx, actor, input.leadId, 'needs.manage');
  const answers = normaliseAnswers(input.answers);
  const known = await knownBrandIds(trx, lead.group_id, answers.brandIds);
  const unknown = answers.brandIds.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw new AppError('request.invalid', {
      errors: [{ path: `answers.brandIds.${unknown}`, code: 'unknown_brand', message: 'unknown brand' }],
    });
  const latest = await latestVersionOfLead(trx, lead.id);
  if ((input.version ?? 0) !== (latest?.version ?? 0)) throw versionConflict(latest?.version ?? 0);
  if (latest && changedAnswers(answersOf(latest), answers).length === 0) {
    const view = (await findNeedsAnalysis(trx, latest.id))!;
    return { created: false, analysis: await present(trx, view) };
  }
  const row = {
    id: newId(),
    group_id: lead.group_id,
    store_id: lead.store_id,
    lead_id: lead.id,
    customer_id: lead.customer_id,
    version: (latest?.version ?? 0) + 1,
    answers_json: JSON.stringify(answers),
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await insertNeedsAnalysis(trx, row);
  const analysis = await present(trx, (await findNeedsAnalysis(trx, row.id))!);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: row.store_id,
    entity: 'needs_analysis',
    entityId: row.id,
    action: 'create',
    after: analysis,
  });
  await recordCustomerEvent(trx, {
    groupId: row.group_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    type: 'crm.needs_analysis.saved',
    entity: 'needs_analysis',
    entityId: row.id,
    actorId: actor.userId,
    data: {
      leadId: lead.id,
      leadNumber: lead.number,
      version: row.version,
      changed: analysis.changed,
      budgetMax: answers.budgetMax,
      purposes: answers.purposes,
    },
  });
  return { created: true, analysis };
}

async function present(db: DbOrTrx, view: NeedsAnalysisView): Promise<NeedsAnalysis> {
  const versions = await versionsOfLead(db, view.lead_id);
  const previous = versions.find((v) => v.version === view.version - 1) ?? null;
  return toNeedsAnalysis(view, versions[0]?.version ?? view.version, previous);
}

/** A version of a lead's needs within reach, with the lead's whole history (newest first). */
export async function getNeedsAnalysis(db: DbOrTrx, actor: Actor, id: string): Promise<NeedsAnalysisDetail> {
  const view = await findNeedsAnalysis(db, id);
  assertLeadReach(
    actor,
    'needs.read',
    view && { group_id: view.group_id, store_id: view.store_id, owner_id: view.lead_owner_id },
    'needs_analysis',
  );
  const versions = await versionsOfLead(db, view!.lead_id);
  const latest = versions[0]!.version;
  const shown = versions.map((v, i) => toNeedsAnalysis(v, latest, versions[i + 1] ?? null));
  const self = shown.find((v) => v.id === id)!;
  return { ...self, history: shown.map(({ answers: _answers, ...rest }) => rest) };
}

/** Needs analyses in reach, newest first: a lead's or a customer's history, or only each lead's latest. */
export async function listNeedsAnalyses(
  db: DbOrTrx,
  actor: Actor,
  query: z.infer<typeof needsAnalysisListQuery>,
) {
  const reach = requirePermission(actor, 'needs.read');
  let q = needsWithLead(db).where('needs_analyses.group_id', '=', reach.groupId);
  if (reach.scope === 'store') q = q.where('needs_analyses.store_id', 'in', reach.storeIds);
  if (reach.scope === 'own') q = q.where('leads.owner_id', '=', reach.userId);
  if (query.leadId) q = q.where('needs_analyses.lead_id', '=', query.leadId);
  if (query.customerId) q = q.where('needs_analyses.customer_id', '=', query.customerId);
  if (query.latest === 'true')
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('needs_analyses as newer')
            .select('newer.id')
            .whereRef('newer.lead_id', '=', 'needs_analyses.lead_id')
            .whereRef('newer.version', '>', 'needs_analyses.version'),
        ),
      ),
    );
  if (reach.scope === 'store' && reach.storeIds.length === 0) return { items: [], nextCursor: null };
  const sort = { column: 'needs_analyses.id', direction: 'desc' as const, field: 'id' };
  const rows = await applyPage(q, sort, 'needs_analyses.id', query.limit, query.cursor).execute();
  const latest = await latestVersions(
    db,
    rows.map((r) => r.lead_id),
  );
  const previous = await previousVersions(db, rows);
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r.id,
    (r) => toNeedsAnalysis(r, latest.get(r.lead_id) ?? r.version, previous.get(r.id) ?? null),
  );
}

/** The version before each row (one query for the page): what changed is shown against it. */
async function previousVersions(db: DbOrTrx, rows: NeedsAnalysisView[]) {
  const map = new Map<string, { answers_json: string }>();
  const wanted = rows.filter((r) => r.version > 1);
  if (wanted.length === 0) return map;
  const before = await db
    .selectFrom('needs_analyses')
    .select(['lead_id', 'version', 'answers_json'])
    .where('lead_id', 'in', [...new Set(wanted.map((r) => r.lead_id))])
    .execute();
  const byKey = new Map(before.map((b) => [`${b.lead_id}:${b.version}`, b]));
  for (const r of wanted) {
    const b = byKey.get(`${r.lead_id}:${r.version - 1}`);
    if (b) map.set(r.id, b);
  }
  return map;
}
