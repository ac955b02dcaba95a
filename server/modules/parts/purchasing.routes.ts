import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  createGoodsReceiptSchema,
  createPurchaseOrderSchema,
  goodsReceiptListQuery,
  goodsReceiptPageSchema,
  goodsReceiptSchema,
  inspectReceiptSchema,
  purchaseOrderListQuery,
  purchaseOrderPageSchema,
  purchaseOrderSchema,
  purchaseOrderStepSchema,
  qualityActionSchema,
  qualityIssueListQuery,
  qualityIssuePageSchema,
  qualityIssueSchema,
  resolveQualityIssueSchema,
} from '../../../common/parts/purchase-order.schemas';
import type { PurchaseOrderAction } from '../../../common/parts/purchase-order.status';
import {
  createSupplierSchema,
  patchSupplierSchema,
  scorecardSchema,
  supplierListQuery,
  supplierPageSchema,
  supplierSchema,
} from '../../../common/parts/supplier.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import {
  createGoodsReceipt,
  getGoodsReceipt,
  inspectGoodsReceipt,
  listGoodsReceipts,
} from './goods-receipt.service';
import {
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  stepPurchaseOrder,
} from './purchase-order.service';
import {
  addQualityAction,
  getQualityIssue,
  listQualityIssues,
  resolveQualityIssue,
} from './quality-issue.service';
import {
  createSupplier,
  getSupplier,
  listSuppliers,
  supplierScorecard,
  updateSupplier,
} from './supplier.service';

const idParams = z.strictObject({ id: idSchema });

export const purchasingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  let tags = ['suppliers'];
  app.get(
    '/api/v1/suppliers',
    {
      schema: {
        tags,
        summary: 'Suppliers of the stores in reach',
        querystring: supplierListQuery,
        response: { 200: supplierPageSchema, ...problemResponses },
      },
    },
    async (request) => listSuppliers(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/suppliers',
    {
      schema: {
        tags,
        summary: 'Register a supplier with its qualification',
        body: createSupplierSchema,
        response: { 201: supplierSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const supplier = await createSupplier(trx, actor, request.body);
        return { status: 201, body: supplier, location: `/api/v1/suppliers/${supplier.id}` };
      });
    },
  );
  app.get(
    '/api/v1/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'A supplier',
        params: idParams,
        response: { 200: supplierSchema, ...problemResponses },
      },
    },
    async (request) => getSupplier(db(), requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'Change a supplier: qualification status, certificates, manual scores (carry its version)',
        params: idParams,
        body: patchSupplierSchema,
        response: { 200: supplierSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await updateSupplier(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/suppliers/:id/scorecard',
    {
      schema: {
        tags,
        summary: 'The supplier’s scorecard: rejection rate, on-time delivery, price variance, manual scores',
        params: idParams,
        response: { 200: scorecardSchema, ...problemResponses },
      },
    },
    async (request) => supplierScorecard(db(), requireActor(request), request.params.id),
  );

  tags = ['purchase-orders'];
  app.get(
    '/api/v1/purchase-orders',
    {
      schema: {
        tags,
        summary: 'Purchase orders of the stores in reach, newest first',
        querystring: purchaseOrderListQuery,
        response: { 200: purchaseOrderPageSchema, ...problemResponses },
      },
    },
    async (request) => listPurchaseOrders(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/purchase-orders',
    {
      schema: {
        tags,
        summary: 'Draft a purchase order to an approved supplier',
        body: createPurchaseOrderSchema,
        response: { 201: purchaseOrderSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const po = await createPurchaseOrder(trx, actor, request.body);
        return { status: 201, body: po, location: `/api/v1/purchase-orders/${po.id}` };
      });
    },
  );
  app.get(
    '/api/v1/purchase-orders/:id',
    {
      schema: {
        tags,
        summary: 'A purchase order with its lines and what is still open',
        params: idParams,
        response: { 200: purchaseOrderSchema, ...problemResponses },
      },
    },
    async (request) => getPurchaseOrder(db(), requireActor(request), request.params.id),
  );
  const steps: [PurchaseOrderAction, string][] = [
    ['submit', 'Submit: approved at once up to the limit, else waits for approval'],
    ['approve', 'Approve a purchase order above the limit (purchasing.approve)'],
    ['send', 'Send the approved order to the supplier'],
    ['confirm', 'Record the supplier’s confirmation and expected date'],
    ['cancel', 'Cancel an order not yet received'],
  ];
  for (const [action, summary] of steps)
    app.post(
      `/api/v1/purchase-orders/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body: purchaseOrderStepSchema,
          response: { 200: purchaseOrderSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await stepPurchaseOrder(trx, actor, request.params.id, action, request.body),
        }));
      },
    );

  tags = ['goods-receipts'];
  app.get(
    '/api/v1/goods-receipts',
    {
      schema: {
        tags,
        summary: 'Goods receipts of the stores in reach, newest first',
        querystring: goodsReceiptListQuery,
        response: { 200: goodsReceiptPageSchema, ...problemResponses },
      },
    },
    async (request) => listGoodsReceipts(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/goods-receipts',
    {
      schema: {
        tags,
        summary: 'Receive goods against a purchase order (they wait for incoming inspection)',
        body: createGoodsReceiptSchema,
        response: { 201: goodsReceiptSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const receipt = await createGoodsReceipt(trx, actor, request.body);
        return { status: 201, body: receipt, location: `/api/v1/goods-receipts/${receipt.id}` };
      });
    },
  );
  app.get(
    '/api/v1/goods-receipts/:id',
    {
      schema: {
        tags,
        summary: 'A goods receipt',
        params: idParams,
        response: { 200: goodsReceiptSchema, ...problemResponses },
      },
    },
    async (request) => getGoodsReceipt(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/goods-receipts/:id/inspect',
    {
      schema: {
        tags,
        summary: 'Incoming inspection: accepted units enter stock, rejected become a supplier quality issue',
        params: idParams,
        body: inspectReceiptSchema,
        response: { 200: goodsReceiptSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await inspectGoodsReceipt(trx, actor, request.params.id, request.body),
      }));
    },
  );

  tags = ['supplier-quality-issues'];
  app.get(
    '/api/v1/supplier-quality-issues',
    {
      schema: {
        tags,
        summary: 'Supplier quality issues of the stores in reach, newest first',
        querystring: qualityIssueListQuery,
        response: { 200: qualityIssuePageSchema, ...problemResponses },
      },
    },
    async (request) => listQualityIssues(db(), requireActor(request), request.query),
  );
  app.get(
    '/api/v1/supplier-quality-issues/:id',
    {
      schema: {
        tags,
        summary: 'A supplier quality issue with its improvement actions',
        params: idParams,
        response: { 200: qualityIssueSchema, ...problemResponses },
      },
    },
    async (request) => getQualityIssue(db(), requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/supplier-quality-issues/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Settle with the supplier: return the goods or claim an amount',
        params: idParams,
        body: resolveQualityIssueSchema,
        response: { 200: qualityIssueSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await resolveQualityIssue(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/supplier-quality-issues/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an improvement action with its owner and due date',
        params: idParams,
        body: qualityActionSchema,
        response: { 200: qualityIssueSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await addQualityAction(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
