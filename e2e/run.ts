/**
 * Browser test: the real server on a fresh embedded database, driven in Debian's Chromium through
 * playwright-core (no browser download). Prints "N passed, N failed" and exits non-zero on failure.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { expectAccessible } from './axe.ts';
import { infusionDay } from './infusion-day.ts';
import { outcomesReview } from './outcomes.ts';
import { imSession } from './im-session.ts';
import { screensOnAPhone } from './screens.ts';
import type { Journey } from './journey.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = 'e2e/artifacts';
mkdirSync(artifacts, { recursive: true });

const server = await startServer();
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});
let passed = 0;
let failed = 0;
const journeys: { name: string; run: Journey; viewport?: { width: number; height: number } }[] = [
  { name: 'infusion day: sign in → patient → infusion → alert → discharge', run: infusionDay },
  { name: 'outcomes: booster signal → chart outcome → clinic report', run: outcomesReview },
  {
    name: 'IM session: BP hold → injection by site and clinician → phase 1 → PADSS discharge',
    run: imSession,
  },
  {
    name: 'every main screen on a phone passes axe-core',
    run: screensOnAPhone,
    viewport: { width: 390, height: 844 },
  },
];
// E2E_ONLY=<part of a name> runs just the journeys it names (while working on one).
const only = process.env.E2E_ONLY;
try {
  for (const journey of journeys.filter((j) => !only || j.name.includes(only))) {
    // A fresh context each time (tablet-sized unless the journey says): no session carried over.
    const context = await browser.newContext({
      viewport: journey.viewport ?? { width: 1180, height: 820 },
    });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const photo = async (name: string) => {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: false });
    };
    // Every screen a journey photographs is also checked with axe-core (WCAG 2.1 A and AA).
    const shot = async (name: string) => {
      await expectAccessible(page, name);
      await photo(name);
    };
    try {
      await journey.run(
        page,
        server.url,
        async (name, run) => {
          const t0 = Date.now();
          await run();
          console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
        },
        shot,
      );
      if (errors.length) {
        throw new Error(`errors in the page: ${errors.join('; ')}`);
      }
      passed += 1;
      console.log(`✓ ${journey.name}`);
    } catch (err) {
      failed += 1;
      await photo('failure').catch(() => undefined);
      console.error(`✗ ${journey.name}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
