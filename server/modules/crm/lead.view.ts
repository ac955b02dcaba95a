import type { Lead } from '../../../common/crm/lead.schemas';
import type { LeadView } from './lead.repo';

/** A lead row as the API shows it. */
export const toLead = (r: LeadView): Lead => ({
  id: r.id,
  number: r.number,
  storeId: r.store_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  source: r.source as Lead['source'],
  campaignRef: r.campaign_ref,
  referredBy: r.referred_by,
  modelId: r.model_id,
  trimId: r.trim_id,
  interest: r.interest,
  status: r.status as Lead['status'],
  lostReason: r.lost_reason as Lead['lostReason'],
  lostNote: r.lost_note,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  assignedAt: r.assigned_at,
  slaDueAt: r.first_contacted_at ? null : r.sla_due_at,
  firstContactedAt: r.first_contacted_at,
  slaBreachedAt: r.sla_breached_at,
  statusChangedAt: r.status_changed_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
