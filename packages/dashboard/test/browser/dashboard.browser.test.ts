/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page-side callbacks below run in Chromium, hence the DOM types.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDashboard, type ServedDashboard } from '../../src/index.js';
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium.js';
import {
  startInstrumentedService,
  type InstrumentedService,
} from '../support/instrumentedService.js';
import { startLoad } from '../support/load.js';

const PACKAGE_DIR = join(__dirname, '..', '..');
const OUTPUT_DIR = join(PACKAGE_DIR, 'test-output');
const TOKEN = 'a-long-random-dashboard-token';

const executablePath = ensureChromium();
const describeBrowser = executablePath ? describe : describe.skip;
if (!executablePath) {
  console.warn(
    'Skipping the dashboard browser tests: Chromium is missing and cannot be installed here.',
  );
}

jest.setTimeout(60_000);

describeBrowser('dashboard in headless Chromium', () => {
  let browser: Browser;
  let service: InstrumentedService;
  let load: { stop(): Promise<void> };
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The page's assets are bundled at build time; build them as the package build does.
    execFileSync(process.execPath, [join(PACKAGE_DIR, 'scripts', 'bundleAssets.mjs')]);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    service = await startInstrumentedService();
    load = startLoad(service.baseUrl);
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(`${service.baseUrl}/monitor/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction(() => Number(document.body.dataset['updates'] ?? 0) >= 3);
  });

  afterAll(async () => {
    await browser?.close();
    await load?.stop();
    await service?.close();
  });

  it('renders every panel with drawn charts and live data', async () => {
    const routes = await page.locator('#routes tbody tr td:first-child').allTextContents();
    expect(routes).toEqual(expect.arrayContaining(['GET /users/:id', 'GET /slow', 'GET /fail']));
    // Each uPlot chart and the heatmap has painted pixels, not just an empty canvas.
    const painted = await page.evaluate(() => {
      const paintedPixels = (canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 16)
          seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return seen.size;
      };
      return {
        charts: [...document.querySelectorAll<HTMLCanvasElement>('.uplot canvas')].map(
          paintedPixels,
        ),
        heatmap: paintedPixels(document.getElementById('heatmap') as HTMLCanvasElement),
      };
    });
    expect(painted.charts).toHaveLength(3);
    for (const colours of painted.charts) expect(colours).toBeGreaterThan(3);
    expect(painted.heatmap).toBeGreaterThan(3);
    // The series drawn carry the load's data: the latest request rate is above zero.
    const rate = await page.locator('#overview-stats .stat b').first().textContent();
    expect(Number(rate)).toBeGreaterThan(0);
    await expect(page.locator('#traces-slowest button').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#traces-failed button').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('#health [data-check="database"]').textContent()).toContain(
      'healthy',
    );
    expect(await page.locator('#slos').textContent()).toContain('availability');
    expect(await page.locator('#slos meter').count()).toBe(1);
    expect(await page.locator('#runtime-stats').textContent()).toContain('CPU');
    expect(await page.locator('#faults li').count()).toBeGreaterThan(0);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('receives a live update within two seconds', async () => {
    const before = Number(await page.evaluate(() => document.body.dataset['updates']));
    await page.waitForFunction((n) => Number(document.body.dataset['updates']) > n, before, {
      timeout: 2000,
    });
  });

  it('opens a trace waterfall on click, with secrets redacted', async () => {
    await page.locator('#traces-failed button').first().click();
    await page.locator('#panel-waterfall .span-row').nth(1).waitFor();
    const rows = await page.locator('#panel-waterfall .span-name').allTextContents();
    expect(rows[0]).toBe('GET /fail');
    expect(rows).toContain('db.query');
    const details = await page.locator('#panel-waterfall pre').allTextContents();
    const text = details.join('\n');
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('payment service down');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s3cret');
    // Keyboard: Escape closes it.
    await page.keyboard.press('Escape');
    expect(await page.locator('#panel-waterfall').isHidden()).toBe(true);
  });

  it('turns the health panel red when a check fails', async () => {
    service.setDatabaseHealthy(false);
    await page.waitForSelector('#panel-health[data-status="unhealthy"].failing');
    const colours = await page.evaluate(() => {
      const panel = document.getElementById('panel-health')!;
      const probe = document.createElement('span');
      probe.style.color = 'var(--bad)';
      document.body.append(probe);
      const bad = getComputedStyle(probe).color;
      probe.remove();
      return { border: getComputedStyle(panel).borderTopColor, bad };
    });
    expect(colours.border).toBe(colours.bad);
    expect(await page.locator('#health [data-check="database"]').textContent()).toContain(
      'connection refused',
    );
    service.setDatabaseHealthy(true);
  });

  it('saves screenshots at laptop and phone widths', async () => {
    await page.waitForSelector('#panel-health[data-status="healthy"]');
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-laptop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-phone.png') });
  });

  describe('behind a token, not on loopback', () => {
    let served: ServedDashboard;

    beforeAll(async () => {
      // allowLoopback: false makes this loopback client count as remote.
      served = await serveDashboard({ port: 0, token: TOKEN, allowLoopback: false });
    });

    afterAll(async () => {
      await served?.close();
    });

    it('refuses the page and the feed without the token and serves them with it', async () => {
      const refused = await page.goto(served.url);
      expect(refused?.status()).toBe(401);
      const feed = await page.request.get(`${served.url}events`);
      expect(feed.status()).toBe(401);
      const wrong = await page.request.get(`${served.url}?token=not-the-right-token-at-all`);
      expect(wrong.status()).toBe(403);
      const allowed = await page.goto(`${served.url}?token=${TOKEN}`);
      expect(allowed?.status()).toBe(200);
      await page.waitForFunction(() => Number(document.body.dataset['updates'] ?? 0) >= 1);
    });
  });
});
