import type { TestApp } from '../harness';

/** Who asks: nobody, a consultant and a manager of store A (HQ), and the group administrator. */
export type Who = 'anonymous' | 'consultantA' | 'managerA' | 'admin';
export const everyone: Who[] = ['anonymous', 'consultantA', 'managerA', 'admin'];

export interface MatrixEnv {
  t: TestApp;
  /** A second store of the group: store A's staff must not reach its records. */
  storeB: { id: string; code: string };
  /** A unique suffix for codes and names. */
  fresh: () => string;
  /** The current version of a record (read as the admin), for PATCH bodies. */
  versionOf: (url: string) => Promise<number>;
}

export interface MatrixCall {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixRow<F> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route pattern as registered (`/api/v1/users/:id`). */
  url: string;
  /** The request to make; `headers` for non-JSON bodies (e.g. `content-type: text/csv` for imports). */
  call: (fx: F, env: MatrixEnv) => MatrixCall | Promise<MatrixCall>;
  expect: Record<Who, number>;
}

/** A module's part of the matrix: fixtures it makes in store B (and elsewhere), and a row per route. */
export interface MatrixModule<F = Record<string, never>> {
  name: string;
  setup: (env: MatrixEnv) => Promise<F>;
  rows: MatrixRow<F>[];
}

export const defineMatrix = <F>(m: MatrixModule<F>) => m as unknown as MatrixModule<unknown>;
