// Journey 5: journey 1 with the keyboard only — Tab, Shift+Tab, Enter, Space and typing, no mouse —
// and the focus always visible on what the keyboard reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, axe, browser, tab, tabTo } from './support.mjs';

const NIR = process.env.E2E_KEYBOARD_NIR;
const BIRTH = process.env.E2E_KEYBOARD_BIRTH;
const NAME = process.env.E2E_KEYBOARD_NAME;

test('le parcours du patient au clavier seul, le focus toujours visible', async () => {
  assert.ok(NIR && BIRTH && NAME, 'E2E_KEYBOARD_NIR, E2E_KEYBOARD_BIRTH et E2E_KEYBOARD_NAME sont requis');
  const chrome = await browser();
  const invisible = [];
  const violations = [];
  const is = name => f => f.name.startsWith(name);
  try {
    const page = await tab(chrome);
    await page.goto(BASE);
    await page.getByRole('heading', { level: 1, name: 'Votre espace santé' }).waitFor();

    // The skip link comes first and leads to the content
    invisible.push(...await tabTo(page, is('Contenu'), 3));
    invisible.push(...await tabTo(page, is('Accéder à mon espace santé')));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/citizen\/authorize/);
    await page.keyboard.type(`e2e-clavier-${Date.now()}`); // the login page puts the focus in its field
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Activer mon espace santé' }).waitFor();

    invisible.push(...await tabTo(page, f => f.name.startsWith('Numéro de sécurité sociale')));
    await page.keyboard.type(NIR);
    invisible.push(...await tabTo(page, is('Date de naissance'), 3));
    const [year, month, day] = BIRTH.split('-');
    await page.keyboard.type(`${day}/${month}/${year}`);
    invisible.push(...await tabTo(page, is('Nom de naissance'), 6));
    await page.keyboard.type(NAME);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();

    invisible.push(...await tabTo(page, f => f.tag === 'a' && f.name === 'Mes documents'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes documents' }).waitFor();

    // The file chooser opens from the keyboard (Space on the file field)
    const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
    const pdf = join(dir, 'bilan.pdf');
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj << /Titre (bilan clavier) >> endobj\n%%EOF\n', 'latin1');
    writeFileSync(pdf, bytes);
    invisible.push(...await tabTo(page, f => f.type === 'file'));
    // Space opens it; Chromium now and then drops that first key press on a file field, so once more if not.
    let [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null),
      page.keyboard.press('Space')]);
    if (!chooser) {
      [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    }
    await chooser.setFiles(pdf);
    invisible.push(...await tabTo(page, is('Titre'), 3));
    await page.keyboard.type('Bilan au clavier');
    invisible.push(...await tabTo(page, f => f.tag === 'button' && f.name === 'Ajouter', 8));
    await page.keyboard.press('Enter');
    await page.getByText('« Bilan au clavier » est disponible dans votre espace.').waitFor({ timeout: 20_000 });

    invisible.push(...await tabTo(page, is('Télécharger Bilan au clavier')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const saved = join(dir, 'recu.pdf');
    await download.saveAs(saved);
    assert.deepEqual(readFileSync(saved), bytes, 'le document téléchargé est celui déposé');

    invisible.push(...await tabTo(page, is('Masquer aux professionnels : Bilan au clavier'), 4));
    await page.keyboard.press('Enter');
    await page.getByText('est masqué aux professionnels').waitFor();
    violations.push(...await axe(page, '40-clavier-documents'));
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(invisible, [], 'le focus est visible sur chaque élément atteint au clavier');
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
