import {
  changedAnswers,
  type NeedsAnalysis,
  type StoredNeedsAnswers,
} from '../../../common/crm/needs-analysis.schemas';
import type { NeedsAnalysisView } from './needs-analysis.repo';

export const answersOf = (r: { answers_json: string }) => JSON.parse(r.answers_json) as StoredNeedsAnswers;

/** A version as the API shows it; `previous` is the version before it (for what changed). */
export const toNeedsAnalysis = (
  r: NeedsAnalysisView,
  latestVersion: number,
  previous: { answers_json: string } | null,
): NeedsAnalysis => ({
  id: r.id,
  leadId: r.lead_id,
  leadNumber: r.lead_number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  storeId: r.store_id,
  version: r.version,
  latest: r.version === latestVersion,
  answers: answersOf(r),
  changed: changedAnswers(previous ? answersOf(previous) : null, answersOf(r)),
  createdBy: r.created_by,
  createdByName: r.author_name,
  createdAt: r.created_at,
});
