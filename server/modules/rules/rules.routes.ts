import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeVin } from '../../../common/rules/vin';
import { validateByKind } from '../../../common/rules/validate';
import { computeVehicleTax } from '../../../common/rules/vehicle-tax';
import { NEV_PURCHASE_TAX_POLICIES } from '../../../common/rules/tax-policies';
import { amountInWords } from '../../../common/rules/amount-in-words';
import { assessThreeGuarantee } from '../../../common/rules/three-guarantee';
import { localizeIssues, formatRuleMessage } from '../../../common/rules/messages';
import type { RuleIssue } from '../../../common/rules/result';
import {
  amountInWordsRequestSchema,
  amountInWordsResultSchema,
  taxReliefPolicySchema,
  threeGuaranteeRequestSchema,
  threeGuaranteeResultSchema,
  validateRequestSchema,
  validateResultSchema,
  vehicleTaxRequestSchema,
  vehicleTaxResultSchema,
  vinDecodeResultSchema,
} from '../../../common/rules/rules.schemas';
import { requireActor } from '../../platform/auth';
import { languageFrom } from '../../platform/i18n';
import { problemResponses } from '../../platform/openapi';
import { requirePermission } from '../../platform/permissions';
import { AppError } from '../../platform/errors';

/**
 * The rules library over HTTP, for integrators and for the screens (which also run the same functions
 * in the browser as the user types). Pure computations: no data is read or written.
 */
export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rules'];
  const guard = (request: Parameters<typeof requireActor>[0]) => {
    requirePermission(requireActor(request), 'rules.use');
    return languageFrom(request.headers['accept-language']);
  };
  const withMessage = (reason: RuleIssue, lang: 'en' | 'zh-CN') => ({
    ...reason,
    message: formatRuleMessage(reason.code, reason.params, lang),
  });

  app.get(
    '/api/v1/rules/vin/:vin',
    {
      schema: {
        tags,
        summary: 'Decode and check a VIN (ISO 3779, 49 CFR 565, GB 16735); 200 even when invalid',
        params: z.strictObject({ vin: z.string().min(1).max(64) }),
        response: { 200: vinDecodeResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      const lang = guard(request);
      const result = decodeVin(request.params.vin);
      return {
        ...result,
        errors: localizeIssues(result.errors, lang),
        warnings: localizeIssues(result.warnings, lang),
      };
    },
  );

  app.post(
    '/api/v1/rules/validate',
    {
      schema: {
        tags,
        summary: 'Check a VIN, resident identity number, USCC, mobile number or licence plate',
        body: validateRequestSchema,
        response: { 200: validateResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      const lang = guard(request);
      const result = validateByKind(request.body.kind, request.body.value);
      return {
        valid: result.valid,
        normalized: result.normalized,
        errors: localizeIssues(result.errors, lang),
        warnings: localizeIssues(result.warnings, lang),
        details: (result.details ?? null) as z.infer<typeof validateResultSchema>['details'],
      };
    },
  );

  app.post(
    '/api/v1/rules/vehicle-tax',
    {
      schema: {
        tags,
        summary: 'Split VAT and compute purchase tax with the NEV relief in force on the purchase date',
        body: vehicleTaxRequestSchema,
        response: { 200: vehicleTaxResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      guard(request);
      return computeVehicleTax(request.body);
    },
  );

  app.get(
    '/api/v1/rules/tax-policies',
    {
      schema: {
        tags,
        summary: 'The NEV purchase-tax relief policies the calculator applies',
        response: { 200: z.object({ items: z.array(taxReliefPolicySchema) }), ...problemResponses },
      },
    },
    async (request) => {
      guard(request);
      return { items: [...NEV_PURCHASE_TAX_POLICIES] };
    },
  );

  app.post(
    '/api/v1/rules/amount-in-words',
    {
      schema: {
        tags,
        summary: 'The upper-case Chinese amount used on invoices and contracts (大写金额)',
        body: amountInWordsRequestSchema,
        response: { 200: amountInWordsResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      guard(request);
      if (request.body.amount < 0) {
        throw new AppError('request.invalid', {
          errors: [
            {
              path: 'amount',
              code: 'rules.input.negative',
              message: formatRuleMessage(
                'rules.input.negative',
                {},
                languageFrom(request.headers['accept-language']),
              ),
            },
          ],
        });
      }
      return { words: amountInWords(request.body.amount) };
    },
  );

  app.post(
    '/api/v1/rules/three-guarantee',
    {
      schema: {
        tags,
        summary: '三包 assessment of a vehicle history (SAMR Order No. 43), explained article by article',
        body: threeGuaranteeRequestSchema,
        response: { 200: threeGuaranteeResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      const lang = guard(request);
      const result = assessThreeGuarantee(request.body);
      return {
        ...result,
        remedies: result.remedies.map((r) => ({ ...r, reason: withMessage(r.reason, lang) })),
        checks: result.checks.map((c) => ({ ...c, reason: withMessage(c.reason, lang) })),
      };
    },
  );
};
