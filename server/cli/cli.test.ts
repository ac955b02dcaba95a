import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/database';

const bin = join(__dirname, '..', '..', 'bin', 'forecourt.mjs');
const run = (args: string[], env: Record<string, string>, input?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the forecourt command', () => {
  it('prints its help', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('backup --out FILE');
    expect(out).toContain('user create');
  });

  it('migrates, creates a user from stdin, backs up and restores into a new data directory', async () => {
    const a = mkdtempSync(join(tmpdir(), 'fc-cli-a-'));
    const b = mkdtempSync(join(tmpdir(), 'fc-cli-b-'));
    expect(run(['migrate'], { FORECOURT_DATA_DIR: a }).status).toBe(0);
    expect(existsSync(join(a, 'forecourt.sqlite'))).toBe(true);
    // the first store and admin come from the first serve; seed them the same way here
    const { ensureFirstAdmin } = await import('../modules/identity');
    const handle = openDb({ sqlitePath: join(a, 'forecourt.sqlite') });
    await ensureFirstAdmin(handle.db, 'first-admin-password');
    await handle.close();

    const created = run(
      [
        'user',
        'create',
        '--username',
        'li.na',
        '--role',
        'sales_manager',
        '--store',
        'HQ',
        '--password-stdin',
      ],
      { FORECOURT_DATA_DIR: a },
      'li-na-password-1\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created user li.na');
    const badRole = run(
      ['user', 'create', '--username', 'x.y', '--role', 'boss', '--password-stdin'],
      { FORECOURT_DATA_DIR: a },
      'whatever-password\n',
    );
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('--role must be one of');

    const file = join(a, 'backup.jsonl.gz');
    const backup = run(['backup', '--out', file], { FORECOURT_DATA_DIR: a });
    expect(backup.stdout).toMatch(/backup written to .*: \d+ rows/);
    const restore = run(['restore', file], { FORECOURT_DATA_DIR: b });
    expect(restore.status).toBe(0);
    const again = run(['restore', file], { FORECOURT_DATA_DIR: b });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('backup.database_not_empty');

    const restored = openDb({ sqlitePath: join(b, 'forecourt.sqlite') });
    const users = await restored.db.selectFrom('users').select('username').orderBy('username').execute();
    await restored.close();
    expect(users.map((u) => u.username)).toEqual(['admin', 'li.na']);
  });

  it('seed-demo fills a fresh data directory (its admin first) and adds nothing the second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-cli-seed-'));
    const env = { FORECOURT_DATA_DIR: dir, FORECOURT_ADMIN_PASSWORD: 'seed-admin-password' };
    const first = run(['seed-demo'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('created user "admin"');
    expect(first.stdout).toMatch(/3 stores and 24 staff added/);
    expect(first.stdout).toMatch(/customers: \d+ added/);
    expect(first.stdout).toMatch(/leads: \d+ added/);
    expect(first.stdout).toMatch(/deals: 9 added/);
    const again = run(['seed-demo'], env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 stores and 0 staff added/);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
