import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export interface TestServer {
  baseUrl: string;
  adminPassword: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`forecourt serve exited with code ${child.exitCode} before answering:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`forecourt serve did not answer GET /api/health within 90 s:\n${output()}`);
}

/**
 * Starts `forecourt serve` on a free port with a fresh SQLite data directory and a known admin
 * password, and waits until /api/health answers 200. It serves the built web app from web/dist.
 */
export async function startServer(): Promise<TestServer> {
  if (!existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) {
    throw new Error(
      'web/dist is missing: build the web app first with `npx vite build --config web/vite.config.ts` (npm test does this).',
    );
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'forecourt-e2e-data-'));
  const adminPassword = 'e2e-Admin-pass-2026';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    FORECOURT_DATA_DIR: dataDir,
    FORECOURT_ADMIN_PASSWORD: adminPassword,
    NODE_ENV: 'production',
  };
  // The browser tests always run on a fresh embedded SQLite database; the PostgreSQL runs are the HTTP tests' job.
  delete env.FORECOURT_SECRET_KEY;
  delete env.DATABASE_URL;

  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/main.ts', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timeout = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited(child);
      clearTimeout(timeout);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminPassword, output, stop };
}
