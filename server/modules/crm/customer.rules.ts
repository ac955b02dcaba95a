import {
  customerIssues,
  normalizeIdentityNumber,
  normalizeMobiles,
  type CustomerFieldIssue,
} from '../../../common/rules/customer-fields';
import { validateUscc } from '../../../common/rules/uscc';
import { formatRuleMessage } from '../../../common/rules/messages';
import type { ConsentInput, CreateCustomer, PatchCustomer } from '../../../common/crm/customer.schemas';
import { AppError, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { encryptField, lookupHash, type PiiKeys } from '../../platform/pii';
import type { CustomerConsentRow, CustomerRow } from './customer.repo';
import { nameSearchForm } from './customer-search.repo';

/** Rule findings as field problems in the request's language. */
export const fieldErrors = (issues: CustomerFieldIssue[], lang: Lang): FieldError[] =>
  issues.map((i) => ({ path: i.path, code: i.code, message: formatRuleMessage(i.code, i.params, lang) }));

/** 400 naming every bad field (mobile format, GB 11643 identity number, GB 32100 USCC); nothing is written. */
export function assertCustomerFields(input: Partial<CreateCustomer> | PatchCustomer, lang: Lang) {
  const issues = customerIssues(input);
  if (issues.length) throw new AppError('request.invalid', { errors: fieldErrors(issues, lang) });
}

/** The stored form of the identifying fields: mobiles normalised, identity number encrypted + hashed. */
export function identifyingColumns(
  keys: PiiKeys,
  input: Pick<PatchCustomer, 'identityDocument' | 'companyCode'>,
): Partial<CustomerRow> {
  const cols: Partial<CustomerRow> = {};
  if (input.identityDocument === null) {
    Object.assign(cols, { id_doc_type: null, id_number_enc: null, id_number_hash: null });
  } else if (input.identityDocument) {
    const number = normalizeIdentityNumber(input.identityDocument.type, input.identityDocument.number)!;
    Object.assign(cols, {
      id_doc_type: input.identityDocument.type,
      id_number_enc: encryptField(keys, number),
      id_number_hash: lookupHash(keys, number),
    });
  }
  if (input.companyCode !== undefined)
    cols.company_code = input.companyCode ? validateUscc(input.companyCode).normalized : null;
  return cols;
}

/** The plain columns of a create or patch (undefined fields stay as they are). */
export function plainColumns(input: PatchCustomer | CreateCustomer): Partial<CustomerRow> {
  const cols: Partial<CustomerRow> = {};
  if (input.name !== undefined) {
    cols.name = input.name;
    cols.name_search = nameSearchForm(input.name);
  }
  const nullable = {
    email: input.email,
    address: input.address,
    employer: input.employer,
    preferred_channel: input.preferredChannel,
    preferred_time: input.preferredTime,
    note: input.note,
  } as const;
  for (const [column, value] of Object.entries(nullable))
    if (value !== undefined) (cols as Record<string, unknown>)[column] = value ?? null;
  if (input.tags !== undefined) cols.tags = JSON.stringify([...new Set(input.tags)]);
  return cols;
}

export const mobilesOfInput = (mobiles: string[]) => [...new Set(normalizeMobiles(mobiles))];

export function consentRows(
  customerId: string,
  consents: ConsentInput[],
  actorId: string,
  now: string,
): CustomerConsentRow[] {
  return consents.map((c) => ({
    customer_id: customerId,
    channel: c.channel,
    granted: c.granted ? 1 : 0,
    source: c.source,
    recorded_at: c.recordedAt ? new Date(c.recordedAt).toISOString() : now,
    recorded_by: actorId,
  }));
}
