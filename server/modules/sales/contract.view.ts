import type { Contract } from '../../../common/sales/contract.schemas';
import { contractReadiness, termChanges, type ContractTerms } from '../../../common/sales/contract.readiness';
import { identityNumberIssues, companyCodeIssues } from '../../../common/rules/customer-fields';
import type { DbOrTrx } from '../../db/database';
import { tokenHash } from '../../platform/auth';
import { decryptField, lookupHash, maskIdNumber, maskPhone, type PiiKeys } from '../../platform/pii';
import type { ContractsTable } from './sales.tables';

export type ContractRow = ContractsTable;

/** The customer's copy link: a keyed hash of the contract id (unguessable without the store's key); the row keeps its hash. */
export const copyToken = (keys: PiiKeys, contractId: string) =>
  lookupHash(keys, `contract-copy:${contractId}`);
export const copyTokenHash = (token: string) => tokenHash(token);
export const copyPath = (token: string) => `/api/v1/public/contracts/${token}/pdf`;

export const documentNumberValid = (kind: string, type: string, number: string) =>
  (kind === 'company' ? companyCodeIssues(number, 'n') : identityNumberIssues(type, number, 'n')).length ===
  0;

/** The preparation checks of a contract row (H4.1), from its terms and the buyer's verification. */
export function checksOf(row: ContractRow, keys: PiiKeys) {
  const terms = JSON.parse(row.terms_json) as ContractTerms;
  const doc = decryptField(keys, row.buyer_document_enc);
  return contractReadiness({
    model: (terms.model as string) ?? null,
    trim: (terms.trim as string) ?? null,
    colour: (terms.colour as string) ?? null,
    vin: row.vin,
    buyer: {
      kind: row.buyer_kind as 'individual',
      documentType: row.buyer_document_type,
      documentNumberValid: documentNumberValid(row.buyer_kind, row.buyer_document_type, doc),
      idCopyAttached: row.id_copy_attachment_id !== null,
      verifiedBy: row.identity_verified_by,
      mobile: decryptField(keys, row.buyer_mobile_enc),
      address: row.buyer_address,
      employer: row.buyer_employer,
    },
    agreedPrice: (terms.vehiclePrice as number) ?? null,
    paymentMethod: (terms.paymentMethod as string) ?? null,
    deliveryDate: (terms.deliveryDate as string) ?? null,
  });
}

export async function viewContract(
  db: DbOrTrx,
  row: ContractRow,
  keys: PiiKeys,
  options: { revealIdentity: boolean },
): Promise<Contract> {
  const [previous, idCopy, names] = await Promise.all([
    row.previous_contract_id
      ? db
          .selectFrom('contracts')
          .select('terms_json')
          .where('id', '=', row.previous_contract_id)
          .executeTakeFirst()
      : undefined,
    row.id_copy_attachment_id
      ? db
          .selectFrom('sales_attachments')
          .select(['id', 'created_at'])
          .where('id', '=', row.id_copy_attachment_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where(
        'id',
        'in',
        [row.identity_verified_by, row.consultant_signed_by, row.cancelled_by, row.created_by].filter(
          (x): x is string => !!x,
        ),
      )
      .execute(),
  ]);
  const name = (id: string | null) => (id ? (names.find((n) => n.id === id)?.display_name ?? id) : null);
  const terms = JSON.parse(row.terms_json) as ContractTerms;
  const doc = decryptField(keys, row.buyer_document_enc);
  const mobile = decryptField(keys, row.buyer_mobile_enc);
  return {
    id: row.id,
    number: row.number,
    dealId: row.deal_id,
    storeId: row.store_id,
    versionNo: row.version_no,
    status: row.status as Contract['status'],
    language: row.language as Contract['language'],
    vin: row.vin,
    terms,
    buyer: {
      kind: row.buyer_kind as 'individual',
      name: row.buyer_name,
      documentType: row.buyer_document_type,
      documentNumber: options.revealIdentity || row.buyer_kind === 'company' ? doc : maskIdNumber(doc),
      mobile: options.revealIdentity ? mobile : maskPhone(mobile),
      address: row.buyer_address,
      employer: row.buyer_employer,
    },
    checks: checksOf(row, keys),
    idCopy: idCopy ? { attachmentId: idCopy.id, uploadedAt: idCopy.created_at } : null,
    identityVerifiedBy: name(row.identity_verified_by),
    identityVerifiedAt: row.identity_verified_at,
    signatures: {
      customer: row.customer_signed_at ? { signedAt: row.customer_signed_at } : null,
      consultant: row.consultant_signed_at
        ? { signedAt: row.consultant_signed_at, by: name(row.consultant_signed_by) ?? '' }
        : null,
    },
    signedAt: row.signed_at,
    customerCopyPath:
      row.status === 'signed' || row.status === 'superseded' ? copyPath(copyToken(keys, row.id)) : null,
    changes: previous ? termChanges(JSON.parse(previous.terms_json) as ContractTerms, terms) : [],
    amendReason: row.amend_reason,
    cancellation:
      row.cancelled_at && row.cancel_reason
        ? {
            reason: row.cancel_reason as 'other',
            note: row.cancel_note,
            by: name(row.cancelled_by) ?? '',
            at: row.cancelled_at,
          }
        : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
