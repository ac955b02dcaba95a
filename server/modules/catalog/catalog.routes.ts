import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { brandRoutes } from './brand.routes';
import { modelRoutes } from './model.routes';
import { optionRoutes } from './option.routes';
import { priceListRoutes } from './price-list.routes';
import { trimImportRoutes } from './trim-import.routes';
import { trimRoutes } from './trim.routes';

/** Every route of the catalog module: the catalogue (brands, series, trims, options) and price lists. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(brandRoutes);
  await app.register(modelRoutes);
  await app.register(trimRoutes);
  await app.register(trimImportRoutes);
  await app.register(optionRoutes);
  await app.register(priceListRoutes);
};
