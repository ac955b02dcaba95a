import { makeCatalogOption, makeModel, makePriceList, makeTrim } from '../factories';
import { defineMatrix, type MatrixEnv } from './types';

/**
 * The catalogue belongs to the group: everyone reads it, only group administrators change it.
 * Price lists belong to a store: store A's staff get 404 for store B's lists, 422 naming storeId
 * when they ask about or write for store B.
 */
const readAll = { anonymous: 401, consultantA: 200, managerA: 200, admin: 200 };
const adminOnly = (ok: number) => ({ anonymous: 401, consultantA: 403, managerA: 403, admin: ok });
const storeB = (ok: number) => ({ anonymous: 401, consultantA: 404, managerA: 404, admin: ok });

async function draftInB(env: MatrixEnv, trimId: string) {
  return makePriceList(env.t, env.storeB.id, [
    { itemKind: 'trim', itemRef: trimId, guidePrice: 20_000_000, displayPrice: 19_800_000 },
  ]);
}

export const catalogMatrix = defineMatrix({
  name: 'catalog',
  setup: async (env) => {
    const model = await makeModel(env.t);
    const trim = await makeTrim(env.t, { modelId: model.id });
    const other = await makeTrim(env.t, { modelId: model.id });
    const option = await makeCatalogOption(env.t);
    const listB = await draftInB(env, trim.id);
    return { brandId: model.brandId, model, trim, other, option, listB };
  },
  rows: [
    { method: 'GET', url: '/api/v1/brands', call: () => ({ url: '/api/v1/brands' }), expect: readAll },
    {
      method: 'POST',
      url: '/api/v1/brands',
      call: (_fx, { fresh }) => ({
        url: '/api/v1/brands',
        body: { code: `MB${fresh()}`, name: '品牌', nameEn: 'Brand' },
      }),
      expect: adminOnly(201),
    },
    {
      method: 'GET',
      url: '/api/v1/brands/:id',
      call: (fx) => ({ url: `/api/v1/brands/${fx.brandId}` }),
      expect: readAll,
    },
    {
      method: 'PATCH',
      url: '/api/v1/brands/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/brands/${fx.brandId}`,
        body: { version: await versionOf(`/api/v1/brands/${fx.brandId}`), name: '改名' },
      }),
      expect: adminOnly(200),
    },
    { method: 'GET', url: '/api/v1/models', call: () => ({ url: '/api/v1/models' }), expect: readAll },
    {
      method: 'POST',
      url: '/api/v1/models',
      call: (fx, { fresh }) => ({
        url: '/api/v1/models',
        body: { brandId: fx.brandId, code: `MM${fresh()}`, name: '车系', nameEn: 'Model' },
      }),
      expect: adminOnly(201),
    },
    {
      method: 'GET',
      url: '/api/v1/models/:id',
      call: (fx) => ({ url: `/api/v1/models/${fx.model.id}` }),
      expect: readAll,
    },
    {
      method: 'PATCH',
      url: '/api/v1/models/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/models/${fx.model.id}`,
        body: { version: await versionOf(`/api/v1/models/${fx.model.id}`), segment: 'C SUV' },
      }),
      expect: adminOnly(200),
    },
    { method: 'GET', url: '/api/v1/trims', call: () => ({ url: '/api/v1/trims?nev=true' }), expect: readAll },
    {
      method: 'POST',
      url: '/api/v1/trims',
      call: (fx, { fresh }) => ({
        url: '/api/v1/trims',
        body: {
          modelId: fx.model.id,
          code: `MT${fresh()}`,
          name: '配置',
          nameEn: 'Trim',
          modelYear: 2026,
          bodyType: 'sedan',
          seats: 5,
          energy: 'hev',
          drivetrain: 'fwd',
          transmission: 'cvt',
          powerKw: 160,
          displacementMl: 2487,
          features: ['aeb'],
        },
      }),
      expect: adminOnly(201),
    },
    {
      method: 'GET',
      url: '/api/v1/trims/compare',
      call: (fx) => ({ url: `/api/v1/trims/compare?ids=${fx.trim.id},${fx.other.id}` }),
      expect: readAll,
    },
    {
      method: 'GET',
      url: '/api/v1/trims/:id',
      call: (fx) => ({ url: `/api/v1/trims/${fx.trim.id}` }),
      expect: readAll,
    },
    {
      method: 'PATCH',
      url: '/api/v1/trims/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/trims/${fx.trim.id}`,
        body: { version: await versionOf(`/api/v1/trims/${fx.trim.id}`), seats: 5 },
      }),
      expect: adminOnly(200),
    },
    {
      method: 'POST',
      url: '/api/v1/trims/:id/media',
      call: (fx) => ({
        url: `/api/v1/trims/${fx.trim.id}/media`,
        body: { kind: 'photo', url: 'https://example.com/p.jpg', title: '外观' },
      }),
      expect: adminOnly(201),
    },
    {
      method: 'DELETE',
      url: '/api/v1/trims/:id/media/:mediaId',
      call: async (fx, { t }) => {
        const media = await t.call('POST', `/api/v1/trims/${fx.other.id}/media`, {
          token: t.adminToken,
          body: { kind: 'video', url: 'https://example.com/v.mp4', title: '视频' },
        });
        return { url: `/api/v1/trims/${fx.other.id}/media/${media.body.id}` };
      },
      expect: adminOnly(204),
    },
    {
      method: 'POST',
      url: '/api/v1/trims/import',
      call: () => ({
        url: '/api/v1/trims/import?mode=dry-run',
        headers: { 'content-type': 'text/csv' },
        body: 'brandCode,modelCode,code,name\nX,Y,Z,W\n',
      }),
      expect: adminOnly(200),
    },
    {
      method: 'GET',
      url: '/api/v1/trims/export',
      call: () => ({ url: '/api/v1/trims/export?format=csv' }),
      expect: readAll,
    },
    {
      method: 'GET',
      url: '/api/v1/catalog-options',
      call: () => ({ url: '/api/v1/catalog-options' }),
      expect: readAll,
    },
    {
      method: 'POST',
      url: '/api/v1/catalog-options',
      call: (_fx, { fresh }) => ({
        url: '/api/v1/catalog-options',
        body: { kind: 'accessory', code: `MO${fresh()}`, name: '脚垫', nameEn: 'Mats' },
      }),
      expect: adminOnly(201),
    },
    {
      method: 'GET',
      url: '/api/v1/catalog-options/:id',
      call: (fx) => ({ url: `/api/v1/catalog-options/${fx.option.id}` }),
      expect: readAll,
    },
    {
      method: 'PATCH',
      url: '/api/v1/catalog-options/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/catalog-options/${fx.option.id}`,
        body: { version: await versionOf(`/api/v1/catalog-options/${fx.option.id}`), name: '新脚垫' },
      }),
      expect: adminOnly(200),
    },
    {
      method: 'GET',
      url: '/api/v1/price-lists',
      call: () => ({ url: '/api/v1/price-lists' }),
      expect: readAll,
    },
    {
      method: 'POST',
      url: '/api/v1/price-lists',
      call: (_fx, { storeB: b }) => ({
        url: '/api/v1/price-lists',
        body: { storeId: b.id, name: 'B 价目表', effectiveFrom: '2026-01-01', items: [] },
      }),
      expect: { anonymous: 401, consultantA: 403, managerA: 422, admin: 201 },
    },
    {
      method: 'POST',
      url: '/api/v1/price-lists/check-quote-line',
      call: (fx, { storeB: b }) => ({
        url: '/api/v1/price-lists/check-quote-line',
        body: { storeId: b.id, date: '2026-06-01', itemKind: 'trim', itemRef: fx.trim.id, price: 1 },
      }),
      expect: { anonymous: 401, consultantA: 422, managerA: 422, admin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/price-lists/:id',
      call: (fx) => ({ url: `/api/v1/price-lists/${fx.listB.id}` }),
      expect: storeB(200),
    },
    {
      method: 'PATCH',
      url: '/api/v1/price-lists/:id',
      call: async (fx, { versionOf }) => ({
        url: `/api/v1/price-lists/${fx.listB.id}`,
        body: { version: await versionOf(`/api/v1/price-lists/${fx.listB.id}`), name: 'B 改' },
      }),
      expect: storeB(200),
    },
    {
      method: 'POST',
      url: '/api/v1/price-lists/:id/publish',
      call: async (fx, env) => ({
        url: `/api/v1/price-lists/${(await draftInB(env, fx.trim.id)).id}/publish`,
      }),
      expect: storeB(200),
    },
    {
      method: 'POST',
      url: '/api/v1/price-lists/:id/withdraw',
      call: async (fx, env) => ({
        url: `/api/v1/price-lists/${(await draftInB(env, fx.trim.id)).id}/withdraw`,
      }),
      expect: storeB(200),
    },
  ],
});
