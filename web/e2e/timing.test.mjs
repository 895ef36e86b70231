// A figure, not a test: time from navigation to the documents list rendered (a space holding 50
// documents), measured in Chromium, median of 10, beside the API call alone in the same run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browser, signIn, tab } from './support.mjs';

const LOGIN = process.env.E2E_TIMING_LOGIN;

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('temps d’affichage de la liste des documents (50 documents)', async () => {
  assert.ok(LOGIN, 'E2E_TIMING_LOGIN est requis');
  const chrome = await browser();
  try {
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/documents`);
    await signIn(page, LOGIN);
    await page.locator('li[data-document]').first().waitFor();
    const token = await page.evaluate(() => {
      for (let i = 0; i < sessionStorage.length; i++) {
        const key = sessionStorage.key(i);
        if (key.startsWith('oidc.citizen.')) return JSON.parse(sessionStorage.getItem(key)).access_token;
      }
      return null;
    });
    const page1 = [];
    const api = [];
    for (let i = 0; i < 10; i++) {
      await page.goto('about:blank');
      const start = Date.now();
      await page.goto(`${BASE}/#/documents`);
      await page.locator('li[data-document]').nth(19).waitFor();
      page1.push(Date.now() - start);
      const t = performance.now();
      const response = await fetch(`${BASE}/espace/documents?limite=20`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await response.json()).documents.length, 20);
      api.push(performance.now() - t);
    }
    console.log(`documents list (20 of 50 shown): navigation → rendered median ${median(page1)} ms `
      + `(min ${Math.min(...page1)}, max ${Math.max(...page1)}); API call alone median ${median(api).toFixed(1)} ms; `
      + `ratio ${(median(page1) / median(api)).toFixed(1)}`);
  } finally {
    await chrome.close();
  }
});
