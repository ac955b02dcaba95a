import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import { importReportSchema } from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { csvType, importBodyLimit, xlsxType } from '../../platform/tabular';
import { runWrite } from '../../platform/write';
import { exportVehicles, importVehicles } from './vehicle-import.service';

/** Stock import (CSV/XLSX raw body, dry-run / strict / lenient) and export. */
export const vehicleImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['vehicles'];
  app.post(
    '/api/v1/vehicles/import',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary: 'Import stock vehicles from CSV or XLSX (body: the file; Content-Type text/csv or XLSX)',
        querystring: z.strictObject({
          mode: z.enum(['dry-run', 'strict', 'lenient']).default('dry-run'),
          storeId: idSchema.optional(),
        }),
        response: { 200: importReportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const body = request.body;
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await importVehicles(trx, actor, {
          mode: request.query.mode,
          storeId: request.query.storeId,
          body,
          contentType: request.headers['content-type'],
          lang,
        }),
      }));
    },
  );
  app.get(
    '/api/v1/vehicles/export',
    {
      schema: {
        tags,
        summary: 'Export stock vehicles as CSV or XLSX (the import’s columns)',
        querystring: z.strictObject({
          format: z.enum(['csv', 'xlsx']).default('csv'),
          storeId: idSchema.optional(),
        }),
        response: problemResponses,
      },
    },
    async (request, reply) => {
      const { format, storeId } = request.query;
      const file = await exportVehicles(app.ctx.handle.db, requireActor(request), { format, storeId });
      return reply
        .header('content-type', format === 'csv' ? `${csvType}; charset=utf-8` : xlsxType)
        .header('content-disposition', `attachment; filename="vehicles.${format}"`)
        .send(file as never); // a file, not JSON: no response schema to serialise with
    },
  );
};
