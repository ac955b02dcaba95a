import type { TestServer } from './server';

/** The test server's API as the browser tests' setup uses it: a bearer call and a sign-in. */
export function apiOf(server: () => TestServer) {
  async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server().baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  async function login(username: string, password: string): Promise<string> {
    const res = await fetch(`${server().baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username} → ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }
  return { call, login };
}
