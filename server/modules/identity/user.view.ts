import type { StoreRole } from '../../../common/identity/roles';
import type { Language, User } from '../../../common/identity/user.schemas';
import { decryptField, maskIdNumber, maskPhone, type PiiKeys } from '../../platform/pii';
import type { UserRow } from './user.repo';

/** The API shape of a user: identity number only masked; phone masked unless the viewer manages users. */
export function toUser(row: UserRow, storeRoles: StoreRole[], keys: PiiKeys, showPhone: boolean): User {
  return {
    id: row.id,
    groupId: row.group_id,
    username: row.username,
    displayName: row.display_name,
    staffNo: row.staff_no,
    phone: row.phone ? (showPhone ? row.phone : maskPhone(row.phone)) : null,
    idNumberMasked: row.id_number_enc ? maskIdNumber(decryptField(keys, row.id_number_enc)) : null,
    language: row.language as Language,
    status: row.status as User['status'],
    storeRoles,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
