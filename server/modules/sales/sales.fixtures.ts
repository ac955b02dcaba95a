import { computeUsccCheckChar } from '../../../common/rules/uscc';
import type { TestApp } from '../../test/harness';
import {
  makeBrand,
  makeCatalogOption,
  makeCustomer,
  makeModel,
  makePriceList,
  makeResidentId,
  makeStaff,
  makeStore,
  makeTrim,
} from '../../test/factories';
import { makeVehicle } from '../vehicles/vehicle.fixtures';

/** A valid unified social credit code (GB 32100), for seller and company buyers. */
export const makeUscc = (body = '91310115MA1K4B2X0') => body + computeUsccCheckChar(body)!;

/** A 1×1 PNG: a stand-in signature from the pad and a valid image upload. */
export const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const signature = `data:image/png;base64,${tinyPng}`;

/**
 * Test-only: a store that sells (seller tax id), its consultant, sales manager and finance clerk, a
 * BEV trim priced at ¥226,000 (标价) with an accessory and the fee schedule, and a car in stock.
 */
export async function makeSalesFloor(t: TestApp) {
  const store = await makeStore(t, { taxId: makeUscc(), address: '上海市浦东新区展示路 1 号' });
  const consultant = await makeStaff(t, 'sales_consultant', store.id);
  const manager = await makeStaff(t, 'sales_manager', store.id);
  const finance = await makeStaff(t, 'finance', store.id);
  const brand = await makeBrand(t, { name: '比亚迪', nameEn: 'BYD' });
  const model = await makeModel(t, { brandId: brand.id, name: '海豹', nameEn: 'Seal' });
  const trim = await makeTrim(t, {
    modelId: model.id,
    name: '海豹 EV 长续航',
    nameEn: 'Seal EV Long Range',
    energy: 'bev',
    bodyType: 'sedan',
  });
  const mats = await makeCatalogOption(t, { kind: 'accessory', name: '全包脚垫', nameEn: 'Floor mats' });
  await makePriceList(
    t,
    store.id,
    [
      { itemKind: 'trim', itemRef: trim.id, guidePrice: 23_600_000, displayPrice: 22_600_000 },
      { itemKind: 'accessory', itemRef: mats.id, displayPrice: 88_000 },
      { itemKind: 'fee', itemRef: 'registration_agency', name: '上牌代办服务费', displayPrice: 50_000 },
      { itemKind: 'fee', itemRef: 'insurance_agency', name: '保险代办服务费', displayPrice: 0 },
    ],
    { publish: true },
  );
  const white = trim.colours.find((c) => c.kind === 'exterior')!;
  const vehicle = await makeVehicle(t, store.id, trim.id, {
    exteriorColourId: white.id,
    engineNo: 'TZ220XS0123',
    cocNo: 'WAC0123456789',
    purchaseCost: 19_000_000,
  });
  const customer = await makeCustomer(t, store.id, { ownerId: consultant.user.id });
  return { store, consultant, manager, finance, trim, mats, vehicle, customer };
}

export type SalesFloor = Awaited<ReturnType<typeof makeSalesFloor>>;

/** The quote of the floor's car: ¥226,000 less `discount`, floor mats, registration accepted, insurance declined. */
export const quoteOf = (f: SalesFloor, discount = 300_000) => ({
  customerId: f.customer.id,
  vehicleId: f.vehicle.id,
  vehiclePrice: 22_600_000 - discount,
  options: [{ optionId: f.mats.id, price: 88_000, accepted: true }],
  services: [
    { code: 'registration_agency', price: 50_000, accepted: true },
    { code: 'insurance_agency', price: 0, accepted: false },
  ],
  paymentKind: 'full',
});

export const buyerOf = (f: SalesFloor) => ({
  kind: 'individual',
  name: f.customer.name,
  documentType: 'resident_id',
  documentNumber: makeResidentId(),
  mobile: f.customer.mobiles[0]!.number,
  address: '上海市浦东新区世纪大道 100 号',
  employer: '上海某科技有限公司',
});

/** Walks a deal from quote to a contract in force (both signatures); returns the deal and contract. */
export async function signedDeal(t: TestApp, f: SalesFloor, discount = 300_000) {
  const c = f.consultant.token;
  const ok = (res: { status: number; body: unknown }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  let deal = ok(await t.call('POST', '/api/v1/deals', { token: c, body: quoteOf(f, discount) }), 201, 'deal');
  deal = ok(
    await t.call('POST', `/api/v1/deals/${deal.id}/submit`, { token: c, body: { version: deal.version } }),
    200,
    'submit',
  );
  if (deal.status === 'awaiting_approval')
    deal = ok(
      await t.call('POST', `/api/v1/deals/${deal.id}/approve`, {
        token: f.manager.token,
        body: { version: deal.version },
      }),
      200,
      'approve',
    );
  let contract = ok(
    await t.call('POST', '/api/v1/contracts', {
      token: c,
      body: {
        dealId: deal.id,
        buyer: buyerOf(f),
        paymentMethod: 'bank_transfer',
        deliveryDate: '2026-12-20',
      },
    }),
    201,
    'contract',
  );
  contract = ok(
    await t.call('POST', `/api/v1/contracts/${contract.id}/id-copy`, {
      token: c,
      body: { version: contract.version, mime: 'image/png', dataBase64: tinyPng },
    }),
    200,
    'id copy',
  );
  contract = ok(
    await t.call('POST', `/api/v1/contracts/${contract.id}/verify-identity`, {
      token: c,
      body: { version: contract.version },
    }),
    200,
    'verify',
  );
  for (const party of ['customer', 'consultant'])
    contract = ok(
      await t.call('POST', `/api/v1/contracts/${contract.id}/sign`, {
        token: c,
        body: { version: contract.version, party, signature },
      }),
      200,
      `sign ${party}`,
    );
  return { dealId: deal.id, contract };
}
