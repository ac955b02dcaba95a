import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  amendContractSchema,
  cancelContractSchema,
  contractIdCopySchema,
  contractListQuery,
  contractPageSchema,
  contractPdfQuery,
  contractSchema,
  createContractSchema,
  signContractSchema,
  verifyIdentitySchema,
} from '../../../common/sales/contract.schemas';
import { requireActor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { attachIdCopy, signContract, verifyIdentity } from './contract-signing.service';
import { readAttachment } from './attachment.service';
import { amendContract, cancelContract } from './contract-change.service';
import { renderContractPdf } from './contract.pdf';
import { createContract, getContract, listContracts, loadContract } from './contract.service';
import { copyTokenHash, viewContract } from './contract.view';

const idParams = z.strictObject({ id: idSchema });
const tags = ['contracts'];
const pdfType = 'application/pdf';
const cancelAnswer = z
  .object({
    contract: contractSchema,
    refund: z.object({ id: idSchema, number: z.string(), amount: z.number().int() }).nullable(),
  })
  .meta({ id: 'ContractCancellation' });

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys = app.ctx.keys;
  app.get(
    '/api/v1/contracts',
    {
      schema: {
        tags,
        summary: 'Contracts in reach (a deal’s versions, newest first)',
        querystring: contractListQuery,
        response: { 200: contractPageSchema, ...problemResponses },
      },
    },
    async (request) => listContracts(app.ctx.handle.db, requireActor(request), keys, request.query),
  );
  app.post(
    '/api/v1/contracts',
    {
      schema: {
        tags,
        summary: 'Prepare the contract of an agreed deal from the store template',
        body: createContractSchema,
        response: { 201: contractSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const contract = await createContract(trx, actor, keys, request.body);
        return { status: 201, body: contract, location: `/api/v1/contracts/${contract.id}` };
      });
    },
  );
  app.get(
    '/api/v1/contracts/:id',
    {
      schema: {
        tags,
        summary: 'A contract version with its preparation checks and signatures',
        params: idParams,
        response: { 200: contractSchema, ...problemResponses },
      },
    },
    async (request) => getContract(app.ctx.handle.db, requireActor(request), keys, request.params.id),
  );
  app.post(
    '/api/v1/contracts/:id/id-copy',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: "Upload the copy of the buyer's identity document",
        params: idParams,
        body: contractIdCopySchema,
        response: { 200: contractSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await attachIdCopy(trx, actor, keys, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/contracts/:id/verify-identity',
    {
      schema: {
        tags,
        summary: 'Record who verified the buyer’s identity against the document',
        params: idParams,
        body: verifyIdentitySchema,
        response: { 200: contractSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await verifyIdentity(trx, actor, keys, request.params.id, request.body.version),
      }));
    },
  );
  app.post(
    '/api/v1/contracts/:id/sign',
    {
      schema: {
        tags,
        summary: 'A party signs on the pad; both signed puts the contract in force',
        params: idParams,
        body: signContractSchema,
        response: { 200: contractSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await signContract(trx, actor, keys, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/contracts/:id/amend',
    {
      schema: {
        tags,
        summary: 'Change the contract: a new version to be signed again',
        params: idParams,
        body: amendContractSchema,
        response: { 201: contractSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => {
        const contract = await amendContract(trx, actor, keys, request.params.id, request.body, lang);
        return { status: 201, body: contract, location: `/api/v1/contracts/${contract.id}` };
      });
    },
  );
  app.post(
    '/api/v1/contracts/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel under the store rules: refund, VIN back to stock, deal cancelled',
        params: idParams,
        body: cancelContractSchema,
        response: { 200: cancelAnswer, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await cancelContract(trx, actor, keys, request.params.id, request.body),
      }));
    },
  );
  app.get(
    '/api/v1/contracts/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The contract as PDF (with the signatures once signed)',
        params: idParams,
        querystring: contractPdfQuery,
        produces: [pdfType],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const db = app.ctx.handle.db;
      const { row } = await loadContract(db, actor, request.params.id, 'deals.read');
      const contract = await getContract(db, actor, keys, row.id);
      const pdf = await renderContractPdf(db, contract, row, request.query.lang ?? contract.language, false);
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `attachment; filename="${contract.number}-v${contract.versionNo}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/v1/public/contracts/:token/pdf',
    {
      schema: {
        tags,
        summary: "The customer's copy of a signed contract, by the link sent to them (no account)",
        security: [],
        params: z.strictObject({ token: z.string().min(20).max(100) }),
        produces: [pdfType],
      },
    },
    async (request, reply) => {
      const db = app.ctx.handle.db;
      const row = await db
        .selectFrom('contracts')
        .selectAll()
        .where('share_token_hash', '=', copyTokenHash(request.params.token))
        .executeTakeFirst();
      if (!row || (row.status !== 'signed' && row.status !== 'superseded')) throw notFound('contract');
      // the customer sees their own data in full, as on the paper copy
      const contract = await viewContract(db, row, keys, { revealIdentity: true });
      const pdf = await renderContractPdf(db, contract, row, contract.language, true);
      return reply
        .header('content-type', pdfType)
        .header('content-disposition', `inline; filename="${contract.number}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/v1/sales-attachments/:id',
    { schema: { tags, summary: 'An uploaded document of a deal (ID copy, PDI photo)', params: idParams } },
    async (request, reply) => {
      const file = await readAttachment(app.ctx.handle.db, requireActor(request), request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
};
