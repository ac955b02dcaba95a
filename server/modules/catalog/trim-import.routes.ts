import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { trimExportQuery, trimImportQuery } from '../../../common/catalog/trim.schemas';
import { importReportSchema } from '../../../common/vehicles/vehicle.schemas';
import { requireActor } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { csvType, importBodyLimit, readSheet, writeSheet, xlsxType } from '../../platform/tabular';
import { runWrite } from '../../platform/write';
import { requireCatalogManage } from './catalog.access';
import { exportTrims, importTrims, trimColumns } from './trim-import.service';

export const trimImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['catalog'];
  app.post(
    '/api/v1/trims/import',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary: `Import trims from CSV (${csvType}) or XLSX, upserting by code; mode dry-run | strict | lenient`,
        querystring: trimImportQuery,
        response: { 200: importReportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      requireCatalogManage(actor);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('import.unreadable_file', {
          detail: `send the file as ${csvType} or ${xlsxType}`,
        });
      }
      const rows = await readSheet(request.body, request.headers['content-type']);
      const lang = languageFrom(request.headers['accept-language']);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await importTrims(trx, actor, rows, request.query.mode, lang),
      }));
    },
  );
  app.get(
    '/api/v1/trims/export',
    {
      schema: {
        tags,
        summary: 'Export trims (the list filters apply) as CSV or XLSX, in the import columns',
        querystring: trimExportQuery,
        produces: [csvType, xlsxType],
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const rows = await exportTrims(
        app.ctx.handle.db,
        app.ctx.handle.dialect,
        requireActor(request),
        request.query,
      );
      const file = await writeSheet(format, [...trimColumns], rows);
      return reply
        .header('content-type', format === 'csv' ? `${csvType}; charset=utf-8` : xlsxType)
        .header('content-disposition', `attachment; filename="trims.${format}"`)
        .send(file);
    },
  );
};
