import type { Problem } from '@common/platform/common.schemas';
import { currentLanguage } from '../i18n/i18n';

/** A failed API call: the server's problem+json (title already in the UI language), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as it is (e.g. a CSV or XLSX import) instead of a JSON body. */
  raw?: { data: Blob; contentType: string };
  /** Send an Idempotency-Key so a retried create has its effect once. */
  idempotent?: boolean;
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when any request answers 401: the session ended, so the app shows the sign-in page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function readCookie(name: string): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return typeof body.title === 'string' ? (body as Problem) : null;
  } catch {
    return null;
  }
}

/** Calls the Forecourt API with the session cookie, the UI language and, on writes, the CSRF token. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  if (method !== 'GET') {
    const csrf = readCookie('fc_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  if (options.idempotent) headers['Idempotency-Key'] = crypto.randomUUID();

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw?.data ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new ApiError(0, null, cause instanceof Error ? cause.message : 'network error');
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.();
    throw new ApiError(
      response.status,
      problem,
      problem?.title ?? `${response.status} ${response.statusText}`,
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, opts: { idempotent?: boolean } = {}) =>
    request<T>('POST', path, { body, ...opts }),
  create: <T>(path: string, body: unknown) => request<T>('POST', path, { body, idempotent: true }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    request<T>('POST', path, { raw: { data: file, contentType }, query }),
};
