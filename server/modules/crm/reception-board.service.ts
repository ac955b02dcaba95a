import type { z } from 'zod';
import { localDayBounds, localToday } from '../../../common/rules/civil-date';
import type { receptionBoardQuery } from '../../../common/crm/reception.schemas';
import type { DbOrTrx } from '../../db/database';
import { AppError, notFound } from '../../platform/errors';
import { requirePermission, reaches, type Actor } from '../../platform/permissions';
import { findStoreRow } from '../identity';
import { appointmentsWithNames } from './appointment.repo';
import { toAppointment } from './appointment.view';
import { receptionsWithNames, testDrivesWithNames } from './reception.repo';
import { toReception } from './reception.service';
import { toTestDrives } from './test-drive.service';

/**
 * The front desk's day (接待看板, H3.1): the store's appointments of the date, who is in the showroom now,
 * who came and left, and the test drives — one call for the board. Default: today in the store's zone.
 */
export async function receptionBoard(db: DbOrTrx, actor: Actor, query: z.infer<typeof receptionBoardQuery>) {
  const reach = requirePermission(actor, 'reception.read');
  const own = [...new Set(actor.storeRoles.map((r) => r.storeId))];
  const storeId = query.storeId ?? (own.length === 1 ? own[0] : undefined);
  if (!storeId)
    throw new AppError('request.invalid', {
      errors: [{ path: 'query.storeId', code: 'required', message: 'name the store' }],
    });
  const store = await findStoreRow(db, storeId);
  if (!store || !reaches(reach, { groupId: store.group_id, storeIds: [store.id] })) throw notFound('store');
  const date = query.date ?? localToday(store.timezone);
  const [from, to] = localDayBounds(date, store.timezone);
  const appointments = await appointmentsWithNames(db)
    .where('appointments.store_id', '=', store.id)
    .where('appointments.scheduled_at', '>=', from)
    .where('appointments.scheduled_at', '<', to)
    .orderBy('appointments.scheduled_at')
    .limit(500)
    .execute();
  const receptions = await receptionsWithNames(db)
    .where('receptions.store_id', '=', store.id)
    .where('receptions.arrived_at', '>=', from)
    .where('receptions.arrived_at', '<', to)
    .orderBy('receptions.arrived_at')
    .limit(500)
    .execute();
  const drives = await testDrivesWithNames(db)
    .where('test_drives.store_id', '=', store.id)
    .where('test_drives.created_at', '>=', from)
    .where('test_drives.created_at', '<', to)
    .orderBy('test_drives.created_at')
    .limit(500)
    .execute();
  const now = Date.now();
  const visits = receptions.map((r) => toReception(r, now));
  return {
    storeId: store.id,
    date,
    appointments: appointments.map(toAppointment),
    inShowroom: visits.filter((r) => r.status === 'in_showroom'),
    departed: visits.filter((r) => r.status === 'departed'),
    testDrives: await toTestDrives(db, drives),
  };
}
