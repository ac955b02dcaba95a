import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  confirmPaymentSchema,
  createInvoiceSchema,
  createRefundSchema,
  invoiceListQuery,
  invoicePageSchema,
  invoiceSchema,
  issueInvoiceSchema,
  payRefundSchema,
  paymentListQuery,
  paymentPageSchema,
  paymentSchema,
  recordPaymentSchema,
  refundListQuery,
  refundPageSchema,
  refundSchema,
  rejectPaymentSchema,
  voidInvoiceSchema,
} from '../../../common/sales/money.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { findStoreRow } from '../identity';
import { draftInvoice, getInvoice, issueInvoice, listInvoices, voidInvoice } from './invoice.service';
import { decidePayment, getPayment, listPayments, recordPayment } from './payment.service';
import { createRefund, listRefunds, payRefund } from './refund.service';
import { renderInvoiceSheetPdf, renderReceiptPdf } from './sheet.pdf';

const idParams = z.strictObject({ id: idSchema });
const pdfType = 'application/pdf';

export const moneyRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys = app.ctx.keys;
  const db = () => app.ctx.handle.db;
  let tags = ['payments'];
  app.get(
    '/api/v1/payments',
    {
      schema: {
        tags,
        summary: "Payments in reach: a deal's, or the cashier's queue (status=recorded)",
        querystring: paymentListQuery,
        response: { 200: paymentPageSchema, ...problemResponses },
      },
    },
    async (request) => listPayments(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/payments',
    {
      schema: {
        tags,
        summary: 'Record money received for a deal (confirmed later by finance)',
        body: recordPaymentSchema,
        response: { 201: paymentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const payment = await recordPayment(trx, actor, request.body);
        return { status: 201, body: payment, location: `/api/v1/payments/${payment.id}` };
      });
    },
  );
  app.get(
    '/api/v1/payments/:id',
    {
      schema: {
        tags,
        summary: 'A payment',
        params: idParams,
        response: { 200: paymentSchema, ...problemResponses },
      },
    },
    async (request) => getPayment(db(), requireActor(request), request.params.id),
  );
  app.get(
    '/api/v1/payments/:id/receipt',
    { schema: { tags, summary: 'The receipt of a payment (PDF)', params: idParams, produces: [pdfType] } },
    async (request, reply) => {
      const payment = await getPayment(db(), requireActor(request), request.params.id);
      const store = await findStoreRow(db(), payment.storeId);
      const pdf = await renderReceiptPdf(payment, store?.name ?? '');
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `inline; filename="${payment.number}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/api/v1/payments/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Finance confirms the money arrived (reconciliation)',
        params: idParams,
        body: confirmPaymentSchema,
        response: { 200: paymentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await decidePayment(trx, actor, request.params.id, 'confirm', request.body),
      }));
    },
  );
  app.post(
    '/api/v1/payments/:id/reject',
    {
      schema: {
        tags,
        summary: 'Finance rejects a payment that did not arrive',
        params: idParams,
        body: rejectPaymentSchema,
        response: { 200: paymentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await decidePayment(trx, actor, request.params.id, 'reject', request.body),
      }));
    },
  );

  tags = ['refunds'];
  app.get(
    '/api/v1/refunds',
    {
      schema: {
        tags,
        summary: 'Refunds in reach',
        querystring: refundListQuery,
        response: { 200: refundPageSchema, ...problemResponses },
      },
    },
    async (request) => listRefunds(db(), requireActor(request), request.query),
  );
  app.post(
    '/api/v1/refunds',
    {
      schema: {
        tags,
        summary: 'Return an overpayment (at most what is overpaid)',
        body: createRefundSchema,
        response: { 201: refundSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const refund = await createRefund(trx, actor, request.body);
        return { status: 201, body: refund, location: `/api/v1/refunds/${refund.id}` };
      });
    },
  );
  app.post(
    '/api/v1/refunds/:id/pay',
    {
      schema: {
        tags,
        summary: 'Finance pays the refund out',
        params: idParams,
        body: payRefundSchema,
        response: { 200: refundSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await payRefund(trx, actor, request.params.id, request.body),
      }));
    },
  );

  tags = ['invoices'];
  app.get(
    '/api/v1/invoices',
    {
      schema: {
        tags,
        summary: 'Vehicle invoices in reach',
        querystring: invoiceListQuery,
        response: { 200: invoicePageSchema, ...problemResponses },
      },
    },
    async (request) => listInvoices(db(), requireActor(request), keys, request.query),
  );
  app.post(
    '/api/v1/invoices',
    {
      schema: {
        tags,
        summary: 'Draft the 机动车销售统一发票 data of a contracted deal',
        body: createInvoiceSchema,
        response: { 201: invoiceSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const invoice = await draftInvoice(trx, actor, keys, request.body.dealId);
        return { status: 201, body: invoice, location: `/api/v1/invoices/${invoice.id}` };
      });
    },
  );
  app.get(
    '/api/v1/invoices/:id',
    {
      schema: {
        tags,
        summary: 'An invoice with its hand-off status',
        params: idParams,
        response: { 200: invoiceSchema, ...problemResponses },
      },
    },
    async (request) => getInvoice(db(), requireActor(request), keys, request.params.id),
  );
  app.get(
    '/api/v1/invoices/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The invoice data sheet (PDF, printable)',
        params: idParams,
        produces: [pdfType],
      },
    },
    async (request, reply) => {
      const invoice = await getInvoice(db(), requireActor(request), keys, request.params.id);
      const pdf = await renderInvoiceSheetPdf(invoice);
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `inline; filename="${invoice.number}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/api/v1/invoices/:id/issue',
    {
      schema: {
        tags,
        summary: 'Finance issues the invoice (fully paid deals only)',
        params: idParams,
        body: issueInvoiceSchema,
        response: { 200: invoiceSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await issueInvoice(trx, actor, keys, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/invoices/:id/void',
    {
      schema: {
        tags,
        summary: 'Void (作废) or reverse with a red-letter invoice (红字)',
        params: idParams,
        body: voidInvoiceSchema,
        response: { 200: invoiceSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await voidInvoice(trx, actor, keys, request.params.id, request.body),
      }));
    },
  );
};
