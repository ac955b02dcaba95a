import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  addLineSchema,
  checkInSchema,
  clockSchema,
  decideInStoreSchema,
  diagnosisSchema,
  followUpSchema,
  handoverSchema,
  inspectionSchema,
  issuePartSchema,
  lookupQuery,
  lookupResultSchema,
  moveRepairOrderSchema,
  myJobsSchema,
  qualityCheckSchema,
  repairOrderPageSchema,
  repairOrderQuery,
  repairOrderSchema,
  sendEstimateSchema,
  sentEstimateSchema,
  settleSchema,
  versionBody,
} from '../../../common/service/repair-order.schemas';
import type { Trx } from '../../db/database';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import type { Actor } from '../../platform/permissions';
import { runWrite } from '../../platform/write';
import { findStoreRow } from '../identity';
import {
  addEstimateLine,
  decideInStore,
  recordDiagnosis,
  recordInspection,
  sendEstimate,
} from './estimate.service';
import { findOrder } from './repair-order.repo';
import { renderRepairOrderPdf } from './repair-order.pdf';
import {
  checkIn,
  checkInLookup,
  getRepairOrder,
  listRepairOrders,
  moveRepairOrder,
} from './repair-order.service';
import {
  closeRepairOrder,
  handOver,
  qualityCheck,
  recordFollowUp,
  settleRepairOrder,
} from './settlement.service';
import { clockLine, issuePartToRepairOrder, myJobs } from './work.service';

const idParams = z.strictObject({ id: idSchema });
const lineParams = z.strictObject({ id: idSchema, lineId: idSchema });
const pdfQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() });

/** Repair orders (H6.1 3-8): check-in to close, with estimate lines, approvals, clocks and settlement. */
export const repairOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['repair-orders'];
  const write = (
    summary: string,
    url: string,
    body: z.ZodType | undefined,
    work: (
      trx: Trx,
      actor: Actor,
      params: { id: string; lineId?: string },
      body: never,
      lang: 'zh-CN' | 'en',
    ) => Promise<unknown>,
  ) =>
    app.post(
      url,
      {
        schema: {
          tags,
          summary,
          params: url.includes(':lineId') ? lineParams : idParams,
          ...(body ? { body } : {}),
          response: { 200: repairOrderSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const lang = languageFrom(request.headers['accept-language']);
        return runWrite(request, reply, actor, async (trx) => ({
          status: 200,
          body: await work(
            trx,
            actor,
            request.params as { id: string; lineId?: string },
            request.body as never,
            lang,
          ),
        }));
      },
    );

  app.get(
    '/api/v1/repair-orders',
    {
      schema: {
        tags,
        summary: 'Repair orders, newest first (status: a board column)',
        querystring: repairOrderQuery,
        response: { 200: repairOrderPageSchema, ...problemResponses },
      },
    },
    async (request) => listRepairOrders(db(), requireActor(request), request.query),
  );
  app.get(
    '/api/v1/repair-orders/check-in-lookup',
    {
      schema: {
        tags,
        summary: 'Find the car by plate or VIN, with its recall flags and declined lines',
        querystring: lookupQuery,
        response: { 200: lookupResultSchema, ...problemResponses },
      },
    },
    async (request) => checkInLookup(db(), requireActor(request), request.query),
  );
  app.get(
    '/api/v1/repair-orders/my-jobs',
    {
      schema: {
        tags,
        summary: "A technician's approved jobs on open orders",
        response: { 200: myJobsSchema, ...problemResponses },
      },
    },
    async (request) => myJobs(db(), requireActor(request)),
  );
  app.post(
    '/api/v1/repair-orders',
    {
      schema: {
        tags,
        summary: 'Check a car in: opens a repair order',
        body: checkInSchema,
        response: { 201: repairOrderSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const order = await checkIn(trx, actor, request.body, lang);
        return { status: 201, body: order, location: `/api/v1/repair-orders/${order.id}` };
      });
    },
  );
  app.get(
    '/api/v1/repair-orders/:id',
    {
      schema: {
        tags,
        summary: 'A repair order with lines, hours and money',
        params: idParams,
        response: { 200: repairOrderSchema, ...problemResponses },
      },
    },
    async (request) => getRepairOrder(db(), requireActor(request), request.params.id),
  );
  app.get(
    '/api/v1/repair-orders/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The printable repair order; after settlement the repair invoice',
        params: idParams,
        querystring: pdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const order = await getRepairOrder(db(), actor, request.params.id);
      const row = (await findOrder(db(), order.id))!;
      const store = (await findStoreRow(db(), row.store_id))!;
      const foreman = row.qc_by
        ? await db().selectFrom('users').select('display_name').where('id', '=', row.qc_by).executeTakeFirst()
        : undefined;
      const lang = request.query.lang ?? languageFrom(request.headers['accept-language']);
      const pdf = await renderRepairOrderPdf(
        order,
        {
          storeName: store.name,
          signature: row.handover_signature,
          foremanName: foreman?.display_name ?? null,
          timezone: store.timezone,
        },
        lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${order.invoiceNumber ?? order.number}.pdf"`)
        .send(pdf);
    },
  );
  write(
    'A board move or a cancellation',
    '/api/v1/repair-orders/:id/move',
    moveRepairOrderSchema,
    (trx, a, p, b: z.infer<typeof moveRepairOrderSchema>) => moveRepairOrder(trx, a, p.id, b),
  );
  write(
    'Record the diagnosis (findings, fault codes, photos)',
    '/api/v1/repair-orders/:id/diagnosis',
    diagnosisSchema,
    (trx, a, p, b: z.infer<typeof diagnosisSchema>) => recordDiagnosis(trx, a, p.id, b),
  );
  write(
    'Add an estimate line (labour, part, sublet)',
    '/api/v1/repair-orders/:id/lines',
    addLineSchema,
    (trx, a, p, b: z.infer<typeof addLineSchema>) => addEstimateLine(trx, a, p.id, b),
  );
  write(
    'Record the digital inspection (green / yellow / red)',
    '/api/v1/repair-orders/:id/inspection',
    inspectionSchema,
    (trx, a, p, b: z.infer<typeof inspectionSchema>) => recordInspection(trx, a, p.id, b),
  );
  write(
    'The customer decides the lines in the store (signs on the tablet)',
    '/api/v1/repair-orders/:id/approvals',
    decideInStoreSchema,
    (trx, a, p, b: z.infer<typeof decideInStoreSchema>) => decideInStore(trx, a, p.id, b),
  );
  write(
    'Start, pause or finish my clock on a line',
    '/api/v1/repair-orders/:id/lines/:lineId/clock',
    clockSchema,
    (trx, a, p, b: z.infer<typeof clockSchema>) => clockLine(trx, a, p.id, p.lineId!, b.action),
  );
  write(
    'Issue parts to the order for an approved part line',
    '/api/v1/repair-orders/:id/lines/:lineId/issue',
    issuePartSchema,
    (trx, a, p, b: z.infer<typeof issuePartSchema>) =>
      issuePartToRepairOrder(trx, a, p.id, p.lineId!, b.quantity),
  );
  write(
    'Final inspection by the foreman',
    '/api/v1/repair-orders/:id/quality-check',
    qualityCheckSchema,
    (trx, a, p, b: z.infer<typeof qualityCheckSchema>) => qualityCheck(trx, a, p.id, b),
  );
  write(
    'Settle: payments, invoice number, next service',
    '/api/v1/repair-orders/:id/settle',
    settleSchema,
    (trx, a, p, b: z.infer<typeof settleSchema>) => settleRepairOrder(trx, a, p.id, b),
  );
  write(
    "Hand the car back with the customer's signature",
    '/api/v1/repair-orders/:id/handover',
    handoverSchema,
    (trx, a, p, b: z.infer<typeof handoverSchema>) => handOver(trx, a, p.id, b),
  );
  write(
    'Close a delivered order',
    '/api/v1/repair-orders/:id/close',
    versionBody,
    (trx, a, p, b: z.infer<typeof versionBody>) => closeRepairOrder(trx, a, p.id, b.version),
  );
  write(
    "The follow-up call's outcome and satisfaction",
    '/api/v1/repair-orders/:id/follow-up',
    followUpSchema,
    (trx, a, p, b: z.infer<typeof followUpSchema>) => recordFollowUp(trx, a, p.id, b),
  );
  app.post(
    '/api/v1/repair-orders/:id/send-estimate',
    {
      schema: {
        tags,
        summary: 'Send the pending lines to the customer by link',
        params: idParams,
        body: sendEstimateSchema,
        response: { 200: sentEstimateSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await sendEstimate(trx, actor, request.params.id, request.body),
      }));
    },
  );
};
