import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, paginationQuery } from '../../../common/platform/common.schemas';
import {
  counterSaleSchema,
  createPartsOrderSchema,
  orderVersionSchema,
  packOrderSchema,
  partsOrderHistorySchema,
  partsOrderListQuery,
  partsOrderPageSchema,
  partsOrderSchema,
  raiseExceptionSchema,
  resolveExceptionSchema,
  shipOrderSchema,
  signOffSchema,
} from '../../../common/parts/parts-order.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { renderPickList } from './pick-list.pdf';
import { findStoreRow } from '../identity';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import type { Actor } from '../../platform/permissions';
import type { Trx } from '../../db/database';
import {
  cancelPartsOrder,
  packPartsOrder,
  pickPartsOrder,
  raisePartsOrderException,
  resolvePartsOrderException,
  reviewPartsOrder,
  shipPartsOrder,
  signOffPartsOrder,
} from './parts-order-flow.service';
import {
  createPartsOrder,
  getPartsOrder,
  listPartsOrders,
  partsOrderHistory,
  sellOverCounter,
} from './parts-order.service';

const idParams = z.strictObject({ id: idSchema });

export const partsOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['parts-orders'];
  const response = { 200: partsOrderSchema, ...problemResponses };
  app.get(
    '/api/v1/parts-orders',
    {
      schema: {
        tags,
        summary: 'Parts orders of the stores in reach, newest first',
        querystring: partsOrderListQuery,
        response: { 200: partsOrderPageSchema, ...problemResponses },
      },
    },
    async (request) => listPartsOrders(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/parts-orders',
    {
      schema: {
        tags,
        summary: 'Take a parts order from a customer, a workshop or another store of the group',
        body: createPartsOrderSchema,
        response: { 201: partsOrderSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const order = await createPartsOrder(trx, actor, request.body);
        return { status: 201, body: order, location: `/api/v1/parts-orders/${order.id}` };
      });
    },
  );
  app.post(
    '/api/v1/parts-orders/counter-sale',
    {
      schema: {
        tags,
        summary: 'An over-the-counter sale in one step: reserve, issue and invoice data',
        body: counterSaleSchema,
        response: { 201: partsOrderSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const order = await sellOverCounter(trx, actor, request.body);
        return { status: 201, body: order, location: `/api/v1/parts-orders/${order.id}` };
      });
    },
  );
  app.get(
    '/api/v1/parts-orders/:id',
    {
      schema: {
        tags,
        summary: 'A parts order with lines, packages and exceptions',
        params: idParams,
        response,
      },
    },
    async (request) => getPartsOrder(app.ctx.handle.db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/v1/parts-orders/:id/history',
    {
      schema: {
        tags,
        summary: 'Every step and exception of a parts order, who and when',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: partsOrderHistorySchema, ...problemResponses },
      },
    },
    async (request) =>
      partsOrderHistory(app.ctx.handle.db, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/parts-orders/:id/pick-list',
    {
      schema: {
        tags,
        summary: 'The pick list (PDF) with part-number barcodes, and a shipping label per package',
        params: idParams,
        querystring: z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const order = await getPartsOrder(app.ctx.handle.db, requireActor(request), request.params.id);
      const store = await findStoreRow(app.ctx.handle.db, order.storeId);
      const pdf = await renderPickList(
        order,
        request.query.lang ?? languageFrom(request.headers['accept-language']),
        store?.timezone ?? 'Asia/Shanghai',
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${order.number}.pdf"`)
        .send(pdf);
    },
  );

  const verb = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (trx: Trx, actor: Actor, id: string, body: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/v1/parts-orders/:id/${path}`,
      { schema: { tags, summary, params: idParams, body, response } },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await run(trx, actor, request.params.id, request.body as z.infer<B>),
        }));
      },
    );
  verb('review', 'Review (审核) and allocate stock to every line', orderVersionSchema, (trx, a, id, b) =>
    reviewPartsOrder(trx, a, id, b.version),
  );
  verb('pick', 'Pick the order: the parts leave the shelf', orderVersionSchema, (trx, a, id, b) =>
    pickPartsOrder(trx, a, id, b.version),
  );
  verb('pack', 'Pack the order into packages with weights', packOrderSchema, packPartsOrder);
  verb('ship', 'Ship with a carrier and tracking number', shipOrderSchema, shipPartsOrder);
  verb(
    'sign-off',
    'The receiver signs for quantity and condition per line (签收)',
    signOffSchema,
    signOffPartsOrder,
  );
  verb(
    'cancel',
    'Cancel an order not yet picked (reservations released)',
    orderVersionSchema,
    (trx, a, id, b) => cancelPartsOrder(trx, a, id, b.version),
  );
  verb(
    'exceptions',
    'Raise an exception: short, damaged, wrong part or lost',
    raiseExceptionSchema,
    raisePartsOrderException,
  );
  app.post(
    '/api/v1/parts-orders/:id/exceptions/:exceptionId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an exception: re-ship, credit or return, with the follow-up',
        params: z.strictObject({ id: idSchema, exceptionId: idSchema }),
        body: resolveExceptionSchema,
        response,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await resolvePartsOrderException(
          trx,
          actor,
          request.params.id,
          request.params.exceptionId,
          request.body,
        ),
      }));
    },
  );
};
