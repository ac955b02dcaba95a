import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createMovementSchema,
  createPartSchema,
  movementResultSchema,
  partListQuery,
  partPageSchema,
  partSchema,
  partStockSchema,
  patchPartSchema,
  stockMovementPageSchema,
  stockMovementQuery,
  stockSettingsSchema,
} from '../../../common/parts/part.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { createPart, getPart, listParts, setStockSettings, updatePart } from './part.service';
import { createManualMovement, listMovements } from './stock-movement.service';
import { stockAlerts } from './stock-alert.service';
import { stockAlertQuery, stockAlertReportSchema } from '../../../common/parts/stock-alert.schemas';

const idParams = z.strictObject({ id: idSchema });

export const partRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['parts'];
  app.get(
    '/api/v1/parts',
    {
      schema: {
        tags,
        summary: 'Parts search: number, name, barcode, fitment (model/trim), class; stock per store in reach',
        querystring: partListQuery,
        response: { 200: partPageSchema, ...problemResponses },
      },
    },
    async (request) =>
      listParts(app.ctx.handle.db, requireActor(request), request.query, app.ctx.handle.dialect),
  );
  app.post(
    '/api/v1/parts',
    {
      schema: {
        tags,
        summary: 'Add a part to the group’s parts master',
        body: createPartSchema,
        response: { 201: partSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const part = await createPart(trx, actor, request.body);
        return { status: 201, body: part, location: `/api/v1/parts/${part.id}` };
      });
    },
  );
  app.get(
    '/api/v1/parts/:id',
    {
      schema: {
        tags,
        summary: 'A part with its stock per store',
        params: idParams,
        response: { 200: partSchema, ...problemResponses },
      },
    },
    async (request) => getPart(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/parts/:id',
    {
      schema: {
        tags,
        summary: 'Change a part’s master data, barcodes, fitment or supersession (carry its version)',
        params: idParams,
        body: patchPartSchema,
        response: { 200: partSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updatePart(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.put(
    '/api/v1/parts/:id/stock-settings',
    {
      schema: {
        tags,
        summary: 'Bin location, min/max and lead time of a part in a store',
        params: idParams,
        body: stockSettingsSchema,
        response: { 200: partStockSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await setStockSettings(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/stock-movements',
    {
      schema: {
        tags,
        summary: 'The stock ledger of the stores in reach, newest first',
        querystring: stockMovementQuery,
        response: { 200: stockMovementPageSchema, ...problemResponses },
      },
    },
    async (request) => listMovements(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/stock-movements',
    {
      schema: {
        tags,
        summary: 'Post a receipt, adjustment, scrap, return to supplier or transfer by hand',
        body: createMovementSchema,
        response: { 201: movementResultSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 201,
        body: await createManualMovement(trx, actor, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/stock-alerts',
    {
      schema: {
        tags,
        summary:
          'Stock alerts and stock plan of a store: reorder point (z·σ·√L), min/max, excess, slow moving, ABC, turnover',
        querystring: stockAlertQuery,
        response: { 200: stockAlertReportSchema, ...problemResponses },
      },
    },
    async (request) => stockAlerts(app.ctx.handle.db, requireActor(request), request.query),
  );
};
