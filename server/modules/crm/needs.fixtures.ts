import type { TestApp } from '../../test/harness';
import {
  makeBrand,
  makeCatalogOption,
  makeCustomer,
  makeModel,
  makePriceList,
  makeTrim,
} from '../../test/factories';
import { makeVin } from '../vehicles/vehicle.fixtures';

/**
 * Test-only builders for needs analysis and purchase plans: a store's small catalogue (four trims of
 * which two are in stock), a published price list, and a lead of a customer — all through the API.
 */
export async function makeShowroom(t: TestApp, storeId: string) {
  const brand = await makeBrand(t, { name: '比亚迪', nameEn: 'BYD' });
  const other = await makeBrand(t, { name: '吉利', nameEn: 'Geely' });
  const suvModel = await makeModel(t, { brandId: brand.id, name: '唐', nameEn: 'Tang' });
  const sedanModel = await makeModel(t, { brandId: brand.id, name: '海豹', nameEn: 'Seal' });
  const otherModel = await makeModel(t, { brandId: other.id, name: '银河', nameEn: 'Galaxy' });
  const fitInStock = await makeTrim(t, {
    modelId: suvModel.id,
    name: '唐 EV 长续航智驾版',
    nameEn: 'Tang EV Long Range',
    seats: 5,
    energy: 'bev',
    rangeKm: 630,
    features: ['aeb', 'acc', 'heat_pump', 'panoramic_roof'],
  });
  const fitOnOrder = await makeTrim(t, {
    modelId: otherModel.id,
    name: '银河 L7 插混七座版',
    nameEn: 'Galaxy L7 PHEV 7-seater',
    seats: 7,
    energy: 'phev',
    drivetrain: 'fwd',
    transmission: 'dht',
    displacementMl: 1500,
    batteryWh: 18_000,
    rangeKm: 115,
    features: ['aeb', 'acc'],
  });
  const sedan = await makeTrim(t, {
    modelId: sedanModel.id,
    name: '海豹 550 标准版',
    nameEn: 'Seal 550 Standard',
    bodyType: 'sedan',
    rangeKm: 550,
    features: ['aeb', 'heat_pump'],
  });
  const tooDear = await makeTrim(t, {
    modelId: suvModel.id,
    name: '唐 EV 旗舰版',
    nameEn: 'Tang EV Flagship',
    rangeKm: 700,
    features: ['aeb', 'acc', 'heat_pump', 'panoramic_roof', 'hud'],
  });
  const roofBox = await makeCatalogOption(t, { kind: 'accessory', name: '车顶行李箱', nameEn: 'Roof box' });
  const tow = await makeCatalogOption(t, {
    kind: 'factory_option',
    modelId: suvModel.id,
    name: '电动拖车钩',
    nameEn: 'Electric tow bar',
  });
  const unpriced = await makeCatalogOption(t, { kind: 'accessory', name: '未标价附件', nameEn: 'Unpriced' });
  const priceList = await makePriceList(
    t,
    storeId,
    [
      { itemKind: 'trim', itemRef: fitInStock.id, guidePrice: 23_980_000, displayPrice: 22_980_000 },
      { itemKind: 'trim', itemRef: fitOnOrder.id, guidePrice: 24_580_000, displayPrice: 24_580_000 },
      { itemKind: 'trim', itemRef: sedan.id, guidePrice: 18_980_000, displayPrice: 17_980_000 },
      { itemKind: 'trim', itemRef: tooDear.id, guidePrice: 32_980_000, displayPrice: 32_980_000 },
      { itemKind: 'accessory', itemRef: roofBox.id, displayPrice: 380_000 },
      { itemKind: 'option', itemRef: tow.id, guidePrice: 600_000, displayPrice: 600_000 },
    ],
    { publish: true },
  );
  for (const trimId of [fitInStock.id, sedan.id]) {
    const res = await t.call('POST', '/api/v1/vehicles', {
      token: t.adminToken,
      body: { vin: makeVin(), trimId, storeId },
    });
    if (res.status !== 201) throw new Error(`vehicle: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { brand, other, fitInStock, fitOnOrder, sedan, tooDear, roofBox, tow, unpriced, priceList };
}

/** A lead of a new customer of the store, filed by `token` (a consultant's own, or the admin's). */
export async function makeLead(t: TestApp, storeId: string, token = t.adminToken) {
  const customer = await makeCustomer(t, storeId);
  const res = await t.call('POST', '/api/v1/leads', {
    token,
    body: { customerId: customer.id, storeId, source: 'walk_in' },
  });
  if (res.status !== 201) throw new Error(`makeLead: ${res.status} ${JSON.stringify(res.body)}`);
  return { lead: res.body as { id: string; number: string; version: number }, customer };
}

/** A family's need: an SUV for five within ¥260,000, electric or plug-in, with AEB; roof and heat pump a plus. */
export const familyNeed = (brandIds: string[] = []) => ({
  purposes: ['family', 'commute'],
  annualKm: 15_000,
  budgetMin: 15_000_000,
  budgetMax: 26_000_000,
  payment: 'loan',
  familySize: 4,
  seatsNeeded: 5,
  bodyTypes: ['suv'],
  energies: ['bev', 'phev'],
  homeCharging: 'yes',
  mustHave: ['aeb'],
  niceToHave: ['panoramic_roof', 'heat_pump'],
  brandIds,
  competitorModels: ['特斯拉 Model Y'],
  notes: '周末常带孩子出游',
});
