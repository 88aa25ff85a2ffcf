import type { Page } from 'playwright-core';

import { clickUntilGone } from './browser.js';

/**
 * Working a case from the console's queue, as the browser journeys of every case type do.
 */

/** A button's name as antd renders it (two CJK characters get a space between them). */
export function buttonName(name: string): RegExp {
  const chars = [...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${chars.join('\\s*')}$`);
}

/** Opens the case from the user's 待办 queue and fires `transition` with the given fields. */
export async function decide(
  page: Page,
  id: string,
  transition: string,
  fields: Record<string, string> = {},
): Promise<void> {
  await page.goto('/admin/cases/queue');
  await page.locator(`tr[data-row-key="${id}"]`).click();
  await page.waitForURL(new RegExp(`/admin/cases/${id}$`));
  await page.getByRole('button', { name: buttonName(transition) }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  await clickUntilGone(dialog, dialog.getByRole('button', { name: /确\s*认/ }));
}
