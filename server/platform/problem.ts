import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors';
import { isUniqueViolation } from '../db/dialect-sql';
import { formatRuleMessage } from '../../common/rules/messages';
import { errorTitles, fieldMessages, interpolate, languageFrom, type Lang } from './i18n';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns a zod/fastify validation issue into a localised field problem naming the field. */
export function fieldProblem(issue: ValidationIssue, context: string | undefined, lang: Lang): FieldError[] {
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const params = issue.params ?? {};
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
    return (params.keys as string[]).map((key) => ({
      path: prefix + (base ? `${base}.${key}` : key),
      code: 'unrecognized_keys',
      message: fieldMessages.unrecognized_keys![lang],
    }));
  }
  // the rules library's schemas carry a rule code as their message: translate it
  if (issue.message?.startsWith('rules.')) {
    const code = issue.message;
    return [{ path: prefix + base, code, message: formatRuleMessage(code, undefined, lang) }];
  }
  let keyword = issue.keyword;
  // zod 4 does not echo the input; its message says when the field was missing
  if (keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '')) keyword = 'required';
  const template = fieldMessages[keyword]?.[lang];
  // Schema authors' own English messages (regex hints, refinements) are kept for English readers.
  const message =
    lang === 'en' && (keyword === 'custom' || keyword === 'invalid_format') && issue.message
      ? issue.message
      : template
        ? interpolate(template, params)
        : (issue.message ?? keyword);
  return [{ path: prefix + base, code: keyword, message }];
}

export function sendProblem(
  reply: FastifyReply,
  lang: Lang,
  err:
    | AppError
    | {
        code: keyof typeof errorTitles;
        status: number;
        params?: Record<string, string | number>;
        errors?: FieldError[];
        extensions?: Record<string, unknown>;
      },
  detail?: string,
) {
  const params = err.params ?? {};
  const title = interpolate(errorTitles[err.code][lang], params);
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({
      type: `https://forecourt.dev/problems/${err.code.replace('.', '/')}`,
      title,
      status: err.status,
      detail: detail ?? title,
      code: err.code,
      ...(err.errors && err.errors.length ? { errors: err.errors } : {}),
      ...(err.extensions ?? {}),
    });
}

/** RFC 9457 problem+json for every error; client mistakes are 4xx, never 500. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler(
    (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      const lang = languageFrom(request.headers['accept-language']);
      if (error instanceof AppError) return sendProblem(reply, lang, error);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const context = (error as FastifyError).validationContext;
        const errors = error.validation.flatMap((issue) =>
          fieldProblem(issue as ValidationIssue, context, lang),
        );
        return sendProblem(reply, lang, new AppError('request.invalid', { errors }));
      }
      // two concurrent writes of the same unique value: the loser gets a conflict, not a crash
      if (isUniqueViolation(error)) return sendProblem(reply, lang, new AppError('resource.duplicate'));
      const fe = error as FastifyError;
      if (
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        (fe.statusCode === 400 && error instanceof SyntaxError)
      ) {
        return sendProblem(reply, lang, new AppError('request.malformed_json'));
      }
      if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
        return sendProblem(reply, lang, new AppError('request.malformed_json'));
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return sendProblem(reply, lang, new AppError('request.too_large'));
      if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendProblem(reply, lang, new AppError('request.unsupported_media_type'));
      if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
        return sendProblem(reply, lang, new AppError('request.invalid'), fe.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, lang, new AppError('internal.error'));
    },
  );
}

/** 404 problem+json for unknown API routes; other GETs fall back to the web app when it is served. */
export function registerNotFound(app: FastifyInstance, spaFallback: boolean) {
  app.setNotFoundHandler((request, reply) => {
    if (
      spaFallback &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/')
    )
      return reply.sendFile('index.html');
    const lang = languageFrom(request.headers['accept-language']);
    return sendProblem(reply, lang, new AppError('resource.not_found', { params: { entity: 'route' } }));
  });
}
