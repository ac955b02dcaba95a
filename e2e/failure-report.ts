import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * When a browser test fails, what the user would have seen: the open drawers and dialogs, any open
 * dropdown with its options (which is hovered, which selected), the alerts and messages, and the focused
 * field — printed with the failure, so that a red CI run says more than "timeout", and a screenshot in
 * e2e/artifacts/failed-<test>.png for a local run. The hook is registered in every file that imports browser.ts.
 */
let watched: Page | null = null;
let failureArtifactsDir = '';

export function reportFailuresOf(page: Page, artifactsDir: string): void {
  watched = page;
  failureArtifactsDir = artifactsDir;
}

beforeEach((context) => {
  context.onTestFailed(async () => {
    const page = watched;
    if (!page || page.isClosed()) return;
    const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    try {
      mkdirSync(failureArtifactsDir, { recursive: true });
      await page.screenshot({ path: join(failureArtifactsDir, `failed-${name}.png`), timeout: 5000 });
      console.error(
        `What the browser showed when "${context.task.name}" failed:\n${await describePage(page)}`,
      );
    } catch (error) {
      console.error(`No browser state for "${context.task.name}": ${String(error)}`);
    }
  });
});

/** A plain-text account of the page's visible state (see above). */
export function describePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const all = (selector: string) => Array.from(document.querySelectorAll(selector)).filter(shown);
    const lines = [
      `url: ${location.pathname}${location.search}`,
      `page: ${text(document.querySelector('.fc-page-title h1'))}`,
    ];
    for (const panel of all('[role="dialog"]'))
      lines.push(`open: ${text(panel.querySelector('.ant-drawer-title, .ant-modal-title')) || '(untitled)'}`);
    for (const list of all('.ant-select-dropdown')) {
      const options = Array.from(list.querySelectorAll('.ant-select-item-option')).map((o) => {
        const marks = ['active', 'selected'].filter((m) =>
          o.classList.contains(`ant-select-item-option-${m}`),
        );
        return text(o) + (marks.length ? ` [${marks.join(', ')}]` : '');
      });
      lines.push(`dropdown: ${options.join(' | ') || text(list)}`);
    }
    for (const alert of all('.ant-alert, .ant-message-notice, .ant-form-item-explain-error'))
      lines.push(`says: ${text(alert)}`);
    const focused = document.activeElement;
    if (focused && focused !== document.body)
      lines.push(
        `focus: ${focused.tagName.toLowerCase()} ${focused.getAttribute('aria-label') ?? focused.id}`,
      );
    return lines.join('\n');
  });
}
