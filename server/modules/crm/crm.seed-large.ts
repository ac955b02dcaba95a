import { UUID } from 'uuidv7';
import { randomInt } from 'node:crypto';
import { leadSources, lostReasons } from '../../../common/crm/lead.status';
import { localYear } from '../../../common/rules/civil-date';
import type { Db } from '../../db/database';
import { numberDocuments } from '../../platform/numbering';
import { encryptField, lookupHash, type PiiKeys } from '../../platform/pii';
import { findStoreRow } from '../identity';
import type {
  CustomerConsentsTable,
  CustomerMileageReadingsTable,
  CustomerMobilesTable,
  CustomersTable,
  CustomerTimelineTable,
  CustomerVehiclesTable,
} from './crm.tables';
import type { LeadsTable } from './lead.tables';
import type { AppointmentsTable } from './reception.tables';
import { nameSearchForm } from './customer-search.repo';
import {
  companyName,
  largeCustomerCar,
  largeMobile,
  largePlate,
  largeResidentId,
  largeUscc,
  personName,
  pick,
  demoInterests as interests,
  demoTags as tagsPool,
  leadOutcome,
  seededRandom,
} from './crm-generate.seed-large';

export interface LargeCrmOptions {
  customers: number;
  /** Leads in all (one per customer at most, the first `leads` of an even spread); a tenth get an appointment. */
  leads: number;
  batchSize?: number;
  /** History runs from `years` before `now` up to `now`. */
  years?: number;
  now?: Date;
  /** Called after every batch with the customers written or found so far. */
  onProgress?: (done: number) => void;
}

export interface LargeCrmResult {
  customers: number;
  mobiles: number;
  idDocuments: number;
  vehicles: number;
  leads: number;
  appointments: number;
  skippedBatches: number;
}

const day = 86_400_000;
const provinceOfCity: [RegExp, string][] = [
  [/北京/, '京'],
  [/上海/, '沪'],
  [/广州|深圳|广东/, '粤'],
];
const plateProvinces = [...'京沪粤苏浙川鄂湘鲁豫'];
/** A UUIDv7 with the given time: ids stay in creation order although the history is back-dated. */
const idAt = (ms: number) =>
  UUID.fromFieldsV7(ms, randomInt(4096), randomInt(2 ** 30), randomInt(2 ** 32 - 1)).toString();
const iso = (ms: number) => new Date(ms).toISOString();

async function insertChunks<T>(write: (rows: T[]) => Promise<unknown>, rows: T[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * The large demo customer file (load trials): `customers` customers over the stores, created evenly over
 * the last three years, each with 1–2 valid unique mobiles, about 30 % of individuals with a resident id
 * (encrypted with its keyed hash, as the customer service stores it), 3 % companies with a USCC, a car
 * (valid VIN and plate) for about half, SMS consents, the timeline's "created" entry, and `leads` leads
 * with appointments for a tenth. Numbers come from the counters, which are bumped to match. Batches are
 * derived from their index: a batch whose first mobile is already in the group is skipped, so a second
 * run adds nothing and an interrupted run resumes. Outbox events and audit rows are not written.
 */
export async function seedLargeCustomers(
  db: Db,
  keys: PiiKeys,
  groupId: string,
  storeIds: string[],
  options: LargeCrmOptions,
): Promise<LargeCrmResult> {
  const total = options.customers;
  const batchSize = options.batchSize ?? 500;
  const now = (options.now ?? new Date()).getTime();
  const start = now - (options.years ?? 3) * 365 * day;
  const span = now - start;
  const result: LargeCrmResult = {
    customers: 0,
    mobiles: 0,
    idDocuments: 0,
    vehicles: 0,
    leads: 0,
    appointments: 0,
    skippedBatches: 0,
  };
  const stores = [];
  for (const [s, id] of storeIds.entries()) {
    const row = await findStoreRow(db, id);
    if (!row) continue;
    // read-only look into identity: the store's consultants own its customers and leads
    const owners = await db
      .selectFrom('user_store_roles')
      .select('user_id')
      .where('store_id', '=', id)
      .where('role', '=', 'sales_consultant')
      .orderBy('user_id')
      .execute();
    const city = `${row.name} ${row.address ?? ''}`;
    const province =
      provinceOfCity.find(([re]) => re.test(city))?.[1] ?? plateProvinces[s % plateProvinces.length]!;
    stores.push({ row, owners: owners.map((o) => o.user_id), province });
  }
  if (stores.length === 0 || total <= 0) return result;
  // read-only look into the catalogue: leads name the model and trim they are about
  const trims = await db
    .selectFrom('trims')
    .select(['id', 'model_id'])
    .where('group_id', '=', groupId)
    .where('active', '=', 1)
    .orderBy('code')
    .limit(200)
    .execute();
  const leadRatio = Math.min(1, options.leads / total);

  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(total, from + batchSize);
    const marker = await db
      .selectFrom('customer_mobiles')
      .select('id')
      .where('group_id', '=', groupId)
      .where('mobile', '=', largeMobile(2 * from))
      .executeTakeFirst();
    if (marker) {
      result.skippedBatches++;
      options.onProgress?.(to);
      continue;
    }
    const rnd = seededRandom(from + 1);
    const customers: CustomersTable[] = [];
    const mobiles: CustomerMobilesTable[] = [];
    const consents: CustomerConsentsTable[] = [];
    const cars: CustomerVehiclesTable[] = [];
    const readings: CustomerMileageReadingsTable[] = [];
    const timeline: CustomerTimelineTable[] = [];
    const leads: LeadsTable[] = [];
    const appointments: AppointmentsTable[] = [];
    const docs: { scope: string; prefix: string; year: number; set(n: string): void }[] = [];
    for (let i = from; i < to; i++) {
      const store = pick(rnd, stores);
      const tz = store.row.timezone;
      const owner = store.owners.length ? pick(rnd, store.owners) : null;
      const createdMs = Math.floor(start + ((i + rnd()) * span) / total);
      const createdAt = iso(createdMs);
      const id = idAt(createdMs);
      const company = rnd() < 0.03;
      const idNumber = !company && rnd() < 0.3 ? largeResidentId(i) : null;
      const male = idNumber ? Number(idNumber.charAt(16)) % 2 === 1 : rnd() < 0.52;
      const name = company ? companyName(rnd) : personName(rnd, male);
      const customer: CustomersTable = {
        id,
        group_id: groupId,
        store_id: store.row.id,
        number: '',
        type: company ? 'company' : 'individual',
        name,
        name_search: nameSearchForm(name),
        id_doc_type: idNumber ? 'resident_id' : null,
        id_number_enc: idNumber ? encryptField(keys, idNumber) : null,
        id_number_hash: idNumber ? lookupHash(keys, idNumber) : null,
        company_code: company ? largeUscc(i) : null,
        email: rnd() < 0.1 ? `c${i}@example.cn` : null,
        address: rnd() < 0.4 ? store.row.address : null,
        employer:
          !company && rnd() < 0.2
            ? pick(rnd, ['中国移动', '国家电网', '华为技术', '招商银行', '中国石化'])
            : null,
        preferred_channel: rnd() < 0.4 ? 'wechat' : 'phone',
        preferred_time: pick(rnd, ['any', 'any', 'morning', 'evening']),
        tags: pick(rnd, tagsPool),
        owner_id: owner,
        note: null,
        status: 'active',
        merged_into: null,
        version: 1,
        created_at: createdAt,
        updated_at: createdAt,
      };
      customers.push(customer);
      docs.push({
        scope: groupId,
        prefix: 'CU',
        year: localYear(tz, createdAt),
        set: (n) => (customer.number = n),
      });
      if (idNumber) result.idDocuments++;
      const count = rnd() < 0.5 ? 2 : 1;
      for (let m = 0; m < count; m++) {
        const mobile = largeMobile(2 * i + m);
        mobiles.push({
          id: idAt(createdMs),
          group_id: groupId,
          customer_id: id,
          mobile,
          mobile_last4: mobile.slice(-4),
          is_primary: m === 0 ? 1 : 0,
          position: m,
          created_at: createdAt,
        });
      }
      if (rnd() < 0.6)
        consents.push({
          customer_id: id,
          channel: 'sms',
          granted: rnd() < 0.7 ? 1 : 0,
          source: 'in_store_form',
          recorded_at: createdAt,
          recorded_by: owner,
        });
      timeline.push({
        id: idAt(createdMs),
        group_id: groupId,
        store_id: store.row.id,
        customer_id: id,
        at: createdAt,
        type: 'crm.customer.created',
        entity: 'customer',
        entity_id: id,
        actor_id: owner,
        data_json: '',
      });
      if (rnd() < 0.5) {
        const modelYear = 2015 + Math.floor(rnd() * 11);
        const car = largeCustomerCar(i, modelYear);
        const purchaseMs = Math.min(
          createdMs,
          Date.UTC(modelYear, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
        );
        const km = Math.max(500, Math.round(((createdMs - purchaseMs) / day) * (25 + rnd() * 40)));
        const carId = idAt(createdMs);
        cars.push({
          id: carId,
          group_id: groupId,
          store_id: store.row.id,
          customer_id: id,
          vin: car.vin,
          vin_last6: car.vin.slice(-6),
          plate: largePlate(i, store.province),
          trim_id: null,
          brand_name: car.brand,
          model_name: car.model,
          model_year: modelYear,
          purchase_date: iso(purchaseMs).slice(0, 10),
          last_mileage_km: km,
          last_mileage_at: createdAt,
          status: 'active',
          version: 1,
          created_at: createdAt,
          updated_at: createdAt,
        });
        readings.push({
          id: idAt(createdMs),
          customer_vehicle_id: carId,
          km,
          read_at: createdAt,
          reason: null,
          recorded_by: owner,
          created_at: createdAt,
        });
      }
      // an even spread of exactly `leads` leads; every tenth lead has an appointment
      const leadIndex = Math.floor(i * leadRatio);
      if (Math.floor((i + 1) * leadRatio) === leadIndex) continue;
      const leadMs = createdMs + Math.floor(rnd() * 600_000);
      const ageDays = (now - leadMs) / day;
      let status = leadOutcome(rnd, ageDays);
      const trim = trims.length && rnd() < 0.6 ? pick(rnd, trims) : null;
      const contactedMs = leadMs + Math.floor((5 + rnd() * 50) * 60_000);
      const changedMs =
        status === 'new'
          ? leadMs
          : Math.min(now, contactedMs + Math.floor(rnd() * Math.min(ageDays, 20) * day));
      const leadId = idAt(leadMs);
      const interest = pick(rnd, interests);
      let appointment: AppointmentsTable | null = null;
      if (leadIndex % 10 === 0) {
        const at = new Date(contactedMs + (1 + Math.floor(rnd() * 5)) * day);
        at.setUTCHours(1 + Math.floor(rnd() * 8), rnd() < 0.5 ? 0 : 30, 0, 0); // 09:00–16:30 Beijing time
        const future = at.getTime() > now;
        if (future && (status === 'won' || status === 'lost')) status = 'appointment';
        const r = rnd();
        appointment = {
          id: idAt(contactedMs),
          group_id: groupId,
          store_id: store.row.id,
          number: '',
          customer_id: id,
          lead_id: leadId,
          consultant_id: owner,
          channel: pick(rnd, ['phone', 'phone', 'wechat', 'online']),
          scheduled_at: at.toISOString(),
          duration_minutes: 60,
          purpose: interest,
          trim_id: trim?.id ?? null,
          status: future ? 'booked' : r < 0.6 ? 'arrived' : r < 0.85 ? 'no_show' : 'cancelled',
          reschedule_count: rnd() < 0.1 ? 1 : 0,
          confirmation_id: null,
          note: null,
          version: future ? 1 : 2,
          created_by: owner,
          created_at: iso(contactedMs),
          updated_at: iso(future ? contactedMs : Math.min(now, at.getTime() + 3_600_000)),
        };
        appointments.push(appointment);
      }
      const lead: LeadsTable = {
        id: leadId,
        group_id: groupId,
        store_id: store.row.id,
        number: '',
        customer_id: id,
        source: pick(rnd, leadSources),
        campaign_ref: null,
        referred_by: null,
        model_id: trim?.model_id ?? null,
        trim_id: trim?.id ?? null,
        interest,
        status,
        lost_reason: status === 'lost' ? pick(rnd, lostReasons) : null,
        lost_note: null,
        owner_id: owner,
        assigned_at: owner ? iso(leadMs) : null,
        sla_due_at: iso(leadMs + 30 * 60_000),
        first_contacted_at: status === 'new' ? null : iso(contactedMs),
        sla_breached_at:
          status !== 'new' && contactedMs > leadMs + 30 * 60_000 ? iso(leadMs + 30 * 60_000) : null,
        status_changed_at: iso(changedMs),
        version:
          1 +
          Math.max(
            0,
            ['new', 'contacted', 'appointment', 'visited', 'negotiating', 'won', 'lost'].indexOf(status),
          ),
        created_at: iso(leadMs),
        updated_at: iso(changedMs),
      };
      leads.push(lead);
      docs.push({
        scope: store.row.id,
        prefix: 'LD',
        year: localYear(tz, lead.created_at),
        set: (n) => (lead.number = n),
      });
      const a = appointment;
      if (a)
        docs.push({
          scope: store.row.id,
          prefix: 'AP',
          year: localYear(tz, a.created_at),
          set: (n) => (a.number = n),
        });
    }
    await db.transaction().execute(async (trx) => {
      await numberDocuments(trx, docs);
      for (const [k, t] of timeline.entries()) {
        const c = customers[k]!;
        t.data_json = JSON.stringify({ number: c.number, name: c.name, type: c.type, source: 'seed-demo' });
      }
      await insertChunks((rows) => trx.insertInto('customers').values(rows).execute(), customers);
      await insertChunks((rows) => trx.insertInto('customer_mobiles').values(rows).execute(), mobiles);
      await insertChunks((rows) => trx.insertInto('customer_consents').values(rows).execute(), consents);
      await insertChunks((rows) => trx.insertInto('customer_timeline').values(rows).execute(), timeline);
      await insertChunks((rows) => trx.insertInto('customer_vehicles').values(rows).execute(), cars);
      await insertChunks(
        (rows) => trx.insertInto('customer_mileage_readings').values(rows).execute(),
        readings,
      );
      await insertChunks((rows) => trx.insertInto('leads').values(rows).execute(), leads);
      await insertChunks((rows) => trx.insertInto('appointments').values(rows).execute(), appointments);
    });
    result.customers += customers.length;
    result.mobiles += mobiles.length;
    result.vehicles += cars.length;
    result.leads += leads.length;
    result.appointments += appointments.length;
    options.onProgress?.(to);
  }
  return result;
}
