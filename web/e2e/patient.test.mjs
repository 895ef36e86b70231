// Journey 1: a patient logs in, activates with identity, uploads a PDF through the real pre-signed URL,
// sees it become available, downloads it (same bytes), hides it, and finds those actions in the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, axe, browser, narrow, signIn, tab, weigh } from './support.mjs';

const NIR = process.env.E2E_PATIENT_NIR;
const BIRTH = process.env.E2E_PATIENT_BIRTH;
const NAME = process.env.E2E_PATIENT_NAME;

test('un patient active son espace, dépose un PDF, le télécharge, le masque et le retrouve dans son historique', async () => {
  assert.ok(NIR && BIRTH && NAME, 'E2E_PATIENT_NIR, E2E_PATIENT_BIRTH et E2E_PATIENT_NAME sont requis');
  const chrome = await browser();
  const violations = [];
  try {
    const page = await tab(chrome);
    const weight = weigh(page);
    await page.goto(BASE);
    await page.waitForLoadState('networkidle');
    const first = weight();
    console.log(`budget, first visit: JavaScript ${(first.js / 1024).toFixed(1)} KB (goal ≤ 150), all assets ${(first.all / 1024).toFixed(1)} KB `
      + `(goal ≤ 600), ${first.files} files, compressed as a CDN sends them`);
    violations.push(...await axe(page, '01-accueil'));
    violations.push(...await narrow(page, '01-accueil'));
    await page.getByRole('button', { name: 'Accéder à mon espace santé' }).click();
    await signIn(page, `e2e-patient-${Date.now()}`);

    // Not activated yet: the activation page, with the API's French message for a wrong proof
    await page.getByRole('heading', { level: 1, name: 'Activer mon espace santé' }).waitFor();
    violations.push(...await axe(page, '02-activation'));
    await page.getByLabel('Numéro de sécurité sociale').fill(NIR);
    await page.getByLabel('Date de naissance').fill(BIRTH);
    await page.getByLabel('Nom de naissance').fill('Quelquun Dautre');
    await page.getByRole('button', { name: 'Activer mon espace' }).click();
    await page.getByRole('alert').filter({ hasText: 'ne permettent pas de vous identifier' }).waitFor();
    violations.push(...await axe(page, '03-activation-erreur'));
    await page.getByLabel('Nom de naissance').fill(NAME);
    await page.getByRole('button', { name: 'Activer mon espace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
    violations.push(...await axe(page, '04-tableau-de-bord'));

    // Upload straight to the pre-signed URL, with its progress, until the intake has checked it
    await page.getByRole('link', { name: 'Mes documents' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mes documents' }).waitFor();
    violations.push(...await axe(page, '05-documents-vide'));
    const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
    const pdf = join(dir, 'ordonnance.pdf');
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj << /Titre (ordonnance e2e) >> endobj\n%%EOF\n', 'latin1');
    writeFileSync(pdf, bytes);
    await page.setInputFiles('input[type=file]', pdf);
    await page.getByLabel('Titre').fill('Ordonnance du Dr Martin');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByText('« Ordonnance du Dr Martin » est disponible dans votre espace.').waitFor({ timeout: 20_000 });
    const card = page.locator('li[data-document]').filter({ hasText: 'Ordonnance du Dr Martin' });
    await card.getByText('Disponible').waitFor();
    violations.push(...await axe(page, '06-documents-disponible'));
    violations.push(...await narrow(page, '06-documents-disponible'));

    // Download: the same bytes
    const [download] = await Promise.all([page.waitForEvent('download'),
      card.getByRole('button', { name: 'Télécharger Ordonnance du Dr Martin' }).click()]);
    const saved = join(dir, 'recu.pdf');
    await download.saveAs(saved);
    assert.deepEqual(readFileSync(saved), bytes, 'le document téléchargé est celui déposé');

    // Hide it from professionals
    await card.getByRole('button', { name: 'Masquer aux professionnels : Ordonnance du Dr Martin' }).click();
    await page.getByText('est masqué aux professionnels').waitFor();
    await page.locator('li[data-document]').filter({ hasText: 'Ordonnance du Dr Martin' }).getByText('Masqué aux professionnels').waitFor();

    // The history shows the upload, the download and the hiding
    await page.getByRole('link', { name: 'Historique' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Historique des accès' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.locator('table tbody tr').allTextContents();
    assert.ok(rows.some(r => r.includes('Document') && r.includes('Vous')), `l’historique montre les actions sur le document : ${rows.join(' | ')}`);
    assert.ok(rows.length >= 4, `au moins dépôt, liste, téléchargement et masquage : ${rows.length} lignes`);
    violations.push(...await axe(page, '07-historique'));
    violations.push(...await narrow(page, '07-historique'));

    // Who can see the space, and the settings: designate a treating doctor, refuse a malformed e-mail
    await page.getByRole('link', { name: 'Qui peut voir mon espace' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Qui peut voir mon espace' }).waitFor();
    await page.getByLabel('Numéro RPPS de votre médecin traitant').fill('10100000001');
    await page.getByRole('button', { name: 'Désigner' }).click();
    await page.getByText('RPPS 10100000001 — Le médecin traitant désigné par le patient', { exact: false }).waitFor();
    violations.push(...await axe(page, '08-acces'));
    await page.getByRole('link', { name: 'Paramètres' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').filter({ hasText: 'adresse e-mail' }).waitFor();
    violations.push(...await axe(page, '09-parametres-erreur'));

    // Logout works: the patient pages ask for a login again
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Votre espace santé' }).waitFor();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter(k => k.includes('oidc')).length), 0, 'aucun jeton dans localStorage');
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
