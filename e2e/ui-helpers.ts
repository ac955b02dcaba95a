import type { Locator, Page } from 'playwright-core';
import type { TestServer } from './server';

/** Waits until the locator is visible and returns what the user reads there. */
export async function visibleText(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible' });
  return (await locator.first().innerText()).trim();
}

export function menuItem(page: Page, label: string): Locator {
  return page.locator('.ant-menu-item').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

export function menuGroup(page: Page, label: string): Locator {
  return page.locator('.ant-menu-item-group-title').filter({ hasText: label });
}

export function columnHeader(page: Page, label: string): Locator {
  return page.locator('.ant-table-thead th').filter({ hasText: label });
}

/** Opens a page from the side menu and waits until its title shows. */
export async function openPage(page: Page, menuLabel: string, title = menuLabel): Promise<void> {
  await menuItem(page, menuLabel).click();
  await page
    .locator('.fc-page-title h1')
    .filter({ hasText: new RegExp(`^${title}$`) })
    .waitFor({ state: 'visible' });
}

/**
 * Opens an antd select and clicks the option showing `option`. A select can be swapped for another
 * right after the click that opened it (a price line's item picker follows its kind, options arrive
 * from the API), so when the option does not show, the dropdown is closed and opened again.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await item.waitFor({ state: 'visible', timeout: 4000 });
      break;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await item.click();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** Lets each test run alone: signs in as admin when the sign-in page shows. */
export async function ensureSignedIn(page: Page, server: TestServer): Promise<void> {
  if (!page.url().startsWith(server.baseUrl)) await page.goto(server.baseUrl);
  await page.locator('.fc-shell, .fc-sign-in').first().waitFor({ state: 'visible' });
  if (await page.locator('.fc-sign-in').isVisible()) {
    await signIn(page, 'admin', server.adminPassword);
    await page.locator('.fc-shell').waitFor({ state: 'visible' });
  }
}

/** Switches the UI to Chinese unless it already is. */
export async function useChinese(page: Page): Promise<void> {
  const chinese = page.locator('.ant-segmented-item').filter({ hasText: '简体中文' });
  if (!(await chinese.getAttribute('class'))?.includes('ant-segmented-item-selected')) await chinese.click();
  await menuGroup(page, '系统管理').waitFor({ state: 'visible' });
}

/** Types a name into a customer picker and chooses the customer the search finds. */
export async function pickCustomer(page: Page, scope: Locator, name: string, label = '客户'): Promise<void> {
  await scope.getByRole('combobox', { name: label }).fill(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: name })
    .click();
}

/** Now plus `minutes` as the store's clock (Asia/Shanghai) and its date pickers show it. */
export function shanghaiClock(minutes = 0): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((x) => [x.type, x.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A time later today that a booking accepts: 15-20 minutes ahead, on a 5-minute step. */
export const soonInShanghai = () => shanghaiClock(15 + (5 - (new Date().getMinutes() % 5)));
