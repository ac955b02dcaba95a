import type { DuplicateMatch, DuplicateQuery } from '../../../common/crm/customer.schemas';
import { normalizeIdentityNumber } from '../../../common/rules/customer-fields';
import { validateCnMobile } from '../../../common/rules/cn-mobile';
import { validateUscc } from '../../../common/rules/uscc';
import type { DbOrTrx } from '../../db/database';
import type { AppContext } from '../../platform/context';
import { AppError, type FieldError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { reaches, requirePermission, type Actor } from '../../platform/permissions';
import { lookupHash, maskPhone } from '../../platform/pii';
import { customerScope, seesContactOf } from './crm.access';
import { findDuplicateRows, mobilesOf, type DuplicateKeys } from './customer.repo';

const fieldNames: Record<Lang, Record<DuplicateMatch['matchedOn'][number], string>> = {
  en: { mobile: 'mobile number', identityNumber: 'identity number', companyCode: 'company code' },
  'zh-CN': { mobile: '手机号码', identityNumber: '证件号码', companyCode: '统一社会信用代码' },
};

/** Active customers within the actor's read reach that share an identifying value (other stores' stay untold). */
async function duplicatesInReach(
  db: DbOrTrx,
  actor: Actor,
  keys: DuplicateKeys,
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const reach = requirePermission(actor, 'customers.read');
  const found = (await findDuplicateRows(db, actor.groupId, keys)).filter(
    (d) => d.row.id !== excludeId && reaches(reach, customerScope(d.row)),
  );
  const mobiles = await mobilesOf(
    db,
    found.map((d) => d.row.id),
  );
  return found.map(({ row, matchedOn }) => {
    const primary = mobiles.get(row.id)?.[0]?.mobile ?? null;
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      storeId: row.store_id,
      mobile: primary && !seesContactOf(actor, row) ? maskPhone(primary) : primary,
      matchedOn,
    };
  });
}

/**
 * One person, one file: a create (or a change of identifying data) whose mobile, identity number or
 * USCC is already on a customer in reach is refused with 409 listing them, so the consultant opens or
 * merges the existing file — or confirms a genuinely different person with `allowDuplicate`.
 */
export async function assertNoDuplicates(
  _ctx: AppContext,
  db: DbOrTrx,
  actor: Actor,
  lang: Lang,
  keys: DuplicateKeys,
  excludeId?: string,
) {
  if (!keys.mobiles.length && !keys.idNumberHash && !keys.companyCode) return;
  const matches = await duplicatesInReach(db, actor, keys, excludeId);
  if (matches.length === 0) return;
  const on = [...new Set(matches.flatMap((m) => m.matchedOn))];
  const errors: FieldError[] = on.map((field) => ({
    path: field === 'identityNumber' ? 'identityDocument.number' : field === 'mobile' ? 'mobiles' : field,
    code: 'crm.duplicate_customer',
    message: matches
      .filter((m) => m.matchedOn.includes(field))
      .map((m) => `${m.number} ${m.name}`)
      .join(', '),
  }));
  throw new AppError('crm.duplicate_customer', {
    params: { fields: on.map((f) => fieldNames[lang][f]).join(lang === 'en' ? ', ' : '、') },
    errors,
    extensions: { duplicates: matches },
  });
}

/** Finds possible duplicates while the consultant types (mobile, identity number, USCC), within reach. */
export async function findDuplicates(ctx: AppContext, db: DbOrTrx, actor: Actor, query: DuplicateQuery) {
  const mobile = query.mobile ? validateCnMobile(query.mobile).normalized : null;
  const idNumber = query.identityNumber
    ? (normalizeIdentityNumber('resident_id', query.identityNumber) ??
      normalizeIdentityNumber('passport', query.identityNumber))
    : null;
  const companyCode = query.companyCode ? validateUscc(query.companyCode).normalized : null;
  requirePermission(actor, 'customers.read');
  if (!mobile && !idNumber && !companyCode) return { items: [] };
  const items = await duplicatesInReach(
    db,
    actor,
    {
      mobiles: mobile ? [mobile] : [],
      idNumberHash: idNumber ? lookupHash(ctx.keys, idNumber) : null,
      companyCode,
    },
    query.excludeId,
  );
  return { items };
}
