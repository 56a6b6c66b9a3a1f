import type { Page } from 'playwright-core';

/** One named step of a journey; run.ts times it and prints it. */
export type Step = (name: string, run: () => Promise<void>) => Promise<void>;

/** A person's path through the app in the browser, with steps and screenshots. */
export type Journey = (
  page: Page,
  base: string,
  step: Step,
  shot: (name: string) => Promise<void>,
) => Promise<void>;

/** Signs in through the sign-in page with a demo account (all share the demo password). */
export async function signInPage(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type="password"]').fill('openkap-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app/);
}
