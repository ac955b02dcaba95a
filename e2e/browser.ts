import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { reportFailuresOf } from './failure-report';
import { repoRoot } from './server';

const install = 'apt-get install -y chromium fonts-noto-cjk';
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page; a test should end with none. */
  pageErrors: string[];
  close: () => Promise<void>;
}

function assertChineseFont(): void {
  let families = '';
  try {
    families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    return; // no fontconfig tools to ask; chromium will still use what it finds
  }
  if (!/Noto Sans CJK/i.test(families)) {
    throw new Error(
      `No Chinese font (Noto Sans CJK) is installed, screenshots would show boxes. Install it: ${install}`,
    );
  }
}

/** Debian's chromium, headless, in a fresh profile, with a Chinese-speaking user's locale and time zone. */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it: ${install} (or set CHROMIUM_PATH).`,
    );
  }
  assertChineseFont();
  const profileDir = mkdtempSync(join(tmpdir(), 'forecourt-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 820 },
    // the app honours "reduce motion": no click lands on a dropdown that is still zooming open
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  reportFailuresOf(page, artifactsDir);

  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as e2e/artifacts/<name>.png once animations settled. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.waitForTimeout(350);
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
