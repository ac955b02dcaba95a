import { localDateOf } from '../../../common/rules/civil-date';
import type { Dialect } from '../../db/database';
import { makeCustomer, makeCustomerVehicle, makeStaff, makeStore } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';

/** A day some days ahead (local date in Asia/Shanghai). */
export const daysAhead = (n: number) => localDateOf(new Date(Date.now() + n * 86_400_000), 'Asia/Shanghai');

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/**
 * A workshop of a store, set up through the API: open every day 08:00-18:00 in 60-minute slots at 300 元/h,
 * one hv-equipped bay and one general bay, a high-voltage certified technician and a general one, an
 * advisor, a foreman (technician role) and two canned jobs (one needing hv).
 */
export async function makeWorkshop(t: TestApp, storeId: string) {
  const admin = t.adminToken;
  const ok = async (method: 'POST' | 'PUT', url: string, body: unknown, token = admin) => {
    const res = await t.call(method, url, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await ok('PUT', '/api/v1/workshop-resources/settings', {
    storeId,
    labourRate: 30_000,
    opensAt: '08:00',
    closesAt: '18:00',
    openDays: [1, 2, 3, 4, 5, 6, 7],
    slotMinutes: 60,
    firstResponseMinutes: 60,
    followUpDays: 2,
  });
  const hvBay = await ok('POST', '/api/v1/workshop-resources/bays', {
    storeId,
    code: `HV${next()}`.slice(0, 20),
    name: 'NEV 绝缘工位',
    skills: ['hv'],
  });
  const bay = await ok('POST', '/api/v1/workshop-resources/bays', {
    storeId,
    code: `G${next()}`.slice(0, 20),
    name: '机修工位',
    skills: [],
  });
  const advisor = await makeStaff(t, 'service_advisor', storeId);
  const hvTech = await makeStaff(t, 'technician', storeId);
  const tech = await makeStaff(t, 'technician', storeId);
  const foreman = await makeStaff(t, 'technician', storeId);
  const hvTechnician = await ok('POST', '/api/v1/workshop-resources/technicians', {
    storeId,
    userId: hvTech.user.id,
    skills: ['hv', 'general'],
  });
  const technician = await ok('POST', '/api/v1/workshop-resources/technicians', {
    storeId,
    userId: tech.user.id,
    skills: ['general'],
  });
  const oilChange = await ok('POST', '/api/v1/labor-operations', {
    storeId,
    code: `OIL${next()}`.slice(0, 30),
    name: '更换机油机滤',
    hoursCenti: 50,
  });
  const batteryCheck = await ok('POST', '/api/v1/labor-operations', {
    storeId,
    code: `HV${next()}`.slice(0, 30),
    name: '动力电池检测',
    hoursCenti: 150,
    skill: 'hv',
  });
  return { hvBay, bay, advisor, hvTech, tech, foreman, hvTechnician, technician, oilChange, batteryCheck };
}

export type Workshop = Awaited<ReturnType<typeof makeWorkshop>>;

/** A test app on `dialect` with one store and its workshop: what every service test starts from. */
export async function openWorkshop(dialect: Dialect, store: Record<string, unknown> = {}) {
  const t = await createTestApp(dialect);
  const storeId: string = (await makeStore(t, store)).id;
  return { t, storeId, w: await makeWorkshop(t, storeId) };
}

/** A customer of the store with a car (plate and VIN) and a first odometer reading. */
let plateSeq = Math.floor(Math.random() * 80_000);
export async function makeServiceCustomer(t: TestApp, storeId: string, km = 20_000) {
  const customer = await makeCustomer(t, storeId);
  plateSeq += 1;
  const plate = `沪A${String(10_000 + (plateSeq % 90_000))}`;
  const vehicle = await makeCustomerVehicle(t, customer.id, {
    mileageKm: km,
    brandName: '比亚迪',
    modelName: '汉 EV',
    plate,
  });
  return { customer, vehicle };
}

/** A repair order checked in by the advisor. */
export async function checkInCar(
  t: TestApp,
  token: string,
  storeId: string,
  vehicleId: string,
  km: number,
  extra: Record<string, unknown> = {},
) {
  const res = await t.call('POST', '/api/v1/repair-orders', {
    token,
    body: { storeId, customerVehicleId: vehicleId, odometerKm: km, customerConcern: '刹车有异响', ...extra },
  });
  if (res.status !== 201) throw new Error(`check-in: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
