import type { Customer } from '../../../common/crm/customer.schemas';
import type {
  ConsentSource,
  ContactChannel,
  CustomerStatus,
  CustomerType,
  IdentityDocumentType,
  PreferredTime,
} from '../../../common/crm/customer.enums';
import type { DbOrTrx } from '../../db/database';
import type { Actor } from '../../platform/permissions';
import { decryptField, maskIdNumber, maskPhone, type PiiKeys } from '../../platform/pii';
import { seesContactOf } from './crm.access';
import {
  consentsOf,
  mobilesOf,
  staffNames,
  type CustomerConsentRow,
  type CustomerMobileRow,
  type CustomerRow,
} from './customer.repo';

/** Identity numbers are only ever shown masked: `110***********1234`, `E1*****78`. */
function maskedIdentity(keys: PiiKeys, row: CustomerRow) {
  if (!row.id_number_enc || !row.id_doc_type) return null;
  return {
    type: row.id_doc_type as IdentityDocumentType,
    numberMasked: maskIdNumber(decryptField(keys, row.id_number_enc)),
  };
}

export function toCustomer(
  row: CustomerRow,
  mobiles: CustomerMobileRow[],
  consents: CustomerConsentRow[],
  ownerName: string | null,
  keys: PiiKeys,
  contactVisible: boolean,
): Customer {
  return {
    id: row.id,
    number: row.number,
    storeId: row.store_id,
    type: row.type as CustomerType,
    name: row.name,
    mobiles: mobiles.map((m) => ({
      number: contactVisible ? m.mobile : maskPhone(m.mobile),
      masked: !contactVisible,
      primary: m.is_primary === 1,
    })),
    identityDocument: maskedIdentity(keys, row),
    companyCode: row.company_code,
    email: row.email,
    address: row.address,
    employer: row.employer,
    preferredChannel: row.preferred_channel as ContactChannel | null,
    preferredTime: row.preferred_time as PreferredTime | null,
    consents: consents.map((c) => ({
      channel: c.channel as ContactChannel,
      granted: c.granted === 1,
      source: c.source as ConsentSource,
      recordedAt: c.recorded_at,
      recordedBy: c.recorded_by,
    })),
    tags: JSON.parse(row.tags) as string[],
    ownerId: row.owner_id,
    ownerName,
    note: row.note,
    status: row.status as CustomerStatus,
    mergedInto: row.merged_into,
    contactVisible,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Loads what the views of these rows need from other tables (mobiles, consents, owner names) in three
 * queries, and returns the shaper: a row's view with its contact data shown or masked.
 */
export async function customerShaper(db: DbOrTrx, keys: PiiKeys, rows: CustomerRow[]) {
  const ids = rows.map((r) => r.id);
  const [mobiles, consents, names] = [
    await mobilesOf(db, ids),
    await consentsOf(db, ids),
    await staffNames(
      db,
      rows.map((r) => r.owner_id),
    ),
  ];
  return (r: CustomerRow, showContact: boolean): Customer =>
    toCustomer(
      r,
      mobiles.get(r.id) ?? [],
      consents.get(r.id) ?? [],
      r.owner_id ? (names.get(r.owner_id) ?? null) : null,
      keys,
      showContact,
    );
}

/** Shapes rows for the API in a few queries; contact data masked per row for this reader. */
export async function toCustomers(
  db: DbOrTrx,
  keys: PiiKeys,
  actor: Actor | null,
  rows: CustomerRow[],
): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const shape = await customerShaper(db, keys, rows);
  return rows.map((r) => shape(r, actor === null || seesContactOf(actor, r)));
}
