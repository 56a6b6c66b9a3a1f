import type { Page } from 'playwright-core';

/** Steps a nurse takes at the console in more than one journey. */

export async function recordVitals(
  page: Page,
  v: { hr: string; sbp: string; dbp: string; spo2: string },
): Promise<void> {
  const vitals = page.getByRole('form', { name: 'Manual vitals' });
  await vitals.getByLabel('HR (bpm)').fill(v.hr);
  await vitals.getByLabel('SBP (mmHg)').fill(v.sbp);
  await vitals.getByLabel('DBP (mmHg)').fill(v.dbp);
  await vitals.getByLabel('SpO₂ (%)').fill(v.spo2);
  await vitals.getByRole('button', { name: 'Record vitals' }).click();
}

/**
 * Ketamine is Schedule III: nothing is given until the ordered dose is drawn from a logged vial (two
 * draws when the open vial holds less than the dose). Draws until the ledger panel says it is drawn.
 */
export async function drawTheDose(page: Page): Promise<void> {
  const ledger = page.locator('[data-testid="ledger-panel"][data-fresh="true"]');
  await ledger.waitFor();
  for (let draw = 0; draw < 3; draw++) {
    if ((await ledger.locator('[data-testid="ledger-need"][data-tone="teal"]').count()) > 0) {
      break;
    }
    const heldBefore = await ledger.getAttribute('data-held-ug');
    await ledger.getByRole('button', { name: /^Draw/ }).click();
    const form = page.getByRole('form', { name: 'Draw' });
    await form.getByRole('button', { name: 'Record draw' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.locator(`[data-testid="ledger-panel"]:not([data-held-ug="${heldBefore ?? ''}"])`).waitFor();
  }
  await ledger.locator('[data-testid="ledger-need"][data-tone="teal"]').waitFor();
}

/** The leftover of the draw wasted with the physician as witness (their own password), if any is held. */
export async function wasteLeftover(page: Page): Promise<void> {
  // The panel reloads after the session's last change; judge what is held only once it has.
  const ledger = page.locator('[data-testid="ledger-panel"][data-fresh="true"]');
  await ledger.waitFor();
  if ((await ledger.locator('[data-testid="ledger-need"][data-tone="red"]').count()) > 0) {
    await ledger.getByRole('button', { name: /^Waste/ }).click();
    const waste = page.getByRole('form', { name: 'Waste' });
    await waste.getByLabel('Witness email').fill('physician@demo.clinic');
    await waste.getByLabel('Witness password').fill('openkap-demo');
    await waste.getByRole('button', { name: 'Record waste' }).click();
    await waste.waitFor({ state: 'hidden' });
  }
  await page.locator('[data-testid="ledger-panel"][data-held-ug="0"]').waitFor();
}
