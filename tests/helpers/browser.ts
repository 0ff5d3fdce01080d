/**
 * Debian's Chromium driven by playwright-core, with the flags this workplace needs, watching for
 * console errors and for any request that would leave the machine.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  /** Requests to anything but 127.0.0.1/localhost or data:/blob: URLs. */
  outsideRequests: string[];
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const watched: WatchedPage = { page, consoleErrors: [], outsideRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
    if (process.env.KPW_DEBUG_CONSOLE) console.log('[browser]', msg.type(), msg.text().slice(0, 400));
  });
  page.on('pageerror', (err) => watched.consoleErrors.push(String(err)));
  // Abort (and record) anything that tries to leave the machine.
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) return route.continue();
    watched.outsideRequests.push(requestUrl);
    return route.abort();
  });
  await page.goto(url);
  return watched;
}
