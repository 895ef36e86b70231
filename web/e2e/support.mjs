// What every browser journey shares: Debian's Chromium driven by playwright-core, the real login page
// of the local identity provider, axe-core (WCAG 2.1 A and AA) on each page, a screenshot of each page.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const SHOTS = process.env.E2E_SCREENSHOTS ?? 'target/screenshots';
mkdirSync(SHOTS, { recursive: true });

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=fr-FR'],
  });
}

/** A French-speaking browser tab that records every CSP violation and page error. */
export async function tab(chrome, options = {}) {
  const context = await chrome.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', e => page.problems.push(`erreur de page : ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) page.problems.push(`CSP : ${m.text()}`);
  });
  return page;
}

/** Through the identity provider's real login page (mock-oauth2-server interactive login). */
export async function signIn(page, subject) {
  await page.waitForURL(/\/(citizen|admin)\/authorize/);
  await page.fill('input[name=username]', subject);
  await page.click('input[type=submit]');
  await page.waitForURL(url => url.toString().startsWith(BASE));
}

/** A date as the forms read it (JJ/MM/AAAA; AAAA-MM-JJ is given). */
export const typed = day => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day);

/** The activation of a fresh login with an insured person's identity, through the form, up to the dashboard. */
export async function activateWithIdentity(page, { nir, birth, name }) {
  await page.getByRole('heading', { level: 1, name: 'Activer mon espace santé' }).waitFor();
  const identity = page.locator('form').filter({ hasText: 'Avec votre identité' });
  await identity.getByLabel('Numéro de sécurité sociale').fill(nir);
  await identity.getByLabel('Date de naissance').fill(typed(birth));
  await identity.getByLabel('Nom de naissance').fill(name);
  await identity.getByRole('button', { name: 'Activer mon espace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
}

/** axe-core on the page as it is now: the WCAG 2.1 A and AA rules RGAA follows; returns the violations. */
export async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  return result.violations.map(v => `${name} : ${v.id} (${v.impact}) — ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

export async function json(method, path, body, token) {
  const response = await fetch(`${BASE}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * The weight of a first visit, as a CDN would send it (gzip; fonts and images as they are): every
 * same-origin file the page loaded. A figure to print, not a test.
 */
export function weigh(page) {
  const files = [];
  page.on('response', async response => {
    if (!response.url().startsWith(BASE) || response.request().method() !== 'GET') return;
    try {
      const body = await response.body();
      const type = response.headers()['content-type'] ?? '';
      const compressible = /javascript|css|html|json|svg/.test(type);
      files.push({ url: response.url(), type, bytes: compressible ? gzipSync(body).length : body.length });
    } catch { /* a redirect has no body */ }
  });
  return () => {
    const js = files.filter(f => /javascript/.test(f.type)).reduce((n, f) => n + f.bytes, 0);
    const all = files.reduce((n, f) => n + f.bytes, 0);
    return { js, all, files: files.length };
  };
}

/**
 * The page at 320 CSS pixels wide (a small phone, or 1280 px at 400 % zoom; 200 % zoom is 640 px):
 * nothing may scroll sideways, and axe must still pass. Restores the previous size.
 */
export async function narrow(page, name) {
  const before = page.viewportSize();
  const problems = [];
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${name} à ${width} px : ${overflow} px de défilement horizontal`);
    problems.push(...await axe(page, `${name}-${width}px`));
  }
  await page.setViewportSize(before);
  return problems;
}

/**
 * Presses Tab until the focused element is the one wanted, checking on the way that every element
 * the keyboard reaches shows where the focus is (an outline). Returns the elements without one.
 */
export async function tabTo(page, wanted, max = 120) {
  const invisible = [];
  const trail = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
      return {
        name: (el.getAttribute('aria-label') || label || el.textContent || el.getAttribute('value') || '').replace(/\s+/g, ' ').trim(),
        tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '',
        // DSFR draws some focus rings on a pseudo-element (the "enlarge link" covers its whole block).
        visible: [style, getComputedStyle(el, '::before'), getComputedStyle(el, '::after')]
          .some(s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0),
      };
    });
    if (!focused) continue;
    trail.push(`${focused.tag}${focused.type ? `[${focused.type}]` : ''} « ${focused.name.slice(0, 40)} »`);
    if (!focused.visible) invisible.push(`${focused.tag} « ${focused.name.slice(0, 60)} »`);
    if (wanted(focused)) return invisible;
  }
  throw new Error(`le clavier n’atteint pas l’élément voulu ; parcouru : ${trail.slice(-12).join(' → ')}`);
}
