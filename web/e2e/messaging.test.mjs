// Journey 8: the secure messaging. A professional writes to the patient with a PDF (from node, through the API
// with a token of the local professional issuer); the patient finds it unread on the dashboard and in
// « Messagerie », opens it (the professional sees it read), downloads the file, answers with a PDF chosen in
// the file field (its progress bar full, then the message checked and sent), saves the professional's file
// into their documents and finds it there; then removes the conversation from their messaging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, axe, browser, json, narrow, signIn, tab, activateWithIdentity } from './support.mjs';

const NIR = process.env.E2E_MESSAGING_NIR;
const NAME = process.env.E2E_MESSAGING_NAME;
const BIRTH = process.env.E2E_MESSAGING_BIRTH;
const RPPS = '10900000001';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/** A professional's token from the local issuer (Pro Santé Connect in production). */
async function professionalToken() {
  const response = await fetch(`${BASE}/_local/tokens/professional?rpps=${RPPS}&profession=medecin`, { method: 'POST' });
  assert.equal(response.status, 200, 'un jeton de professionnel');
  return (await response.json()).access_token;
}

/** The conversation as the professional reads it, once `done` holds (15 s at most). */
async function proThread(token, id, done, what) {
  const stop = Date.now() + 15_000;
  for (;;) {
    const answer = await json('GET', `/pro/messages/${id}`, undefined, token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    if (done(answer.body)) return answer.body;
    assert.ok(Date.now() < stop, `${what} : ${JSON.stringify(answer.body.messages)}`);
    await pause(500);
  }
}

test('un professionnel écrit au patient, qui lit, répond avec un fichier et enregistre la pièce jointe dans ses documents', async () => {
  assert.ok(NIR && NAME && BIRTH, 'E2E_MESSAGING_NIR, E2E_MESSAGING_NAME et E2E_MESSAGING_BIRTH sont requis');
  const chrome = await browser();
  const violations = [];
  try {
    // The patient: a fresh login, activated with identity
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(page, `e2e-msg-${Date.now()}`);
    await activateWithIdentity(page, { nir: NIR, birth: BIRTH, name: NAME });

    // The professional writes with a PDF, sent straight to its pre-signed URL; the intake checks it
    const pro = await professionalToken();
    const started = await json('POST', '/pro/messages', { ins: NIR, sujet: 'Vos résultats', texte: 'Bonjour,\nvoici vos résultats.',
      fichiers: [{ titre: 'Bilan sanguin', typeContenu: 'application/pdf', taille: PDF.length }] }, pro);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id = started.body.conversation.id;
    const upload = started.body.televersements[0];
    const put = await fetch(upload.url, { method: upload.methode, headers: upload.entetes, body: PDF });
    assert.equal(put.status, 200, 'le fichier du professionnel est déposé');
    await proThread(pro, id, t => t.messages.some(m => m.cote === 'PROFESSIONNEL' && m.statut === 'ENVOYE'), 'message du professionnel envoyé');

    // The dashboard says it, and leads to the messaging
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
    await page.getByRole('link', { name: /^Vous avez \d+ messages? non lus?$/ }).waitFor();
    await menu(page).getByRole('link', { name: 'Messagerie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
    const card = page.locator(`li[data-conversation="${id}"]`);
    await card.getByText('1 non lu', { exact: true }).waitFor();
    await card.getByText('Dr Praticien 0001', { exact: false }).waitFor();
    violations.push(...await axe(page, '70-messagerie'));
    violations.push(...await narrow(page, '70-messagerie'));

    // The conversation: the text with its line breaks, the file
    await card.getByRole('link', { name: 'Vos résultats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vos résultats' }).waitFor();
    const theirs = page.locator('li[data-message]').filter({ hasText: 'voici vos résultats.' });
    assert.equal(await theirs.getByText('voici vos résultats.').evaluate(e => e.innerText), 'Bonjour,\nvoici vos résultats.',
      'le texte garde ses retours à la ligne');
    await theirs.getByRole('button', { name: 'Télécharger Bilan sanguin' }).waitFor();
    violations.push(...await axe(page, '71-conversation'));
    violations.push(...await narrow(page, '71-conversation'));
    const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
    const [download] = await Promise.all([page.waitForEvent('download'),
      theirs.getByRole('button', { name: 'Télécharger Bilan sanguin' }).click()]);
    const saved = join(dir, 'bilan.pdf');
    await download.saveAs(saved);
    assert.deepEqual(readFileSync(saved), PDF, 'la pièce jointe téléchargée est celle du professionnel');

    // The reply, with a PDF: its progress bar full, then checked and sent
    const reply = join(dir, 'reponse.pdf');
    writeFileSync(reply, PDF);
    await page.getByLabel('Votre message').fill('Merci, docteur.');
    await page.getByText(/^15 \/ 10\s000 caractères$/).waitFor();
    await page.getByLabel('Joindre des fichiers').setInputFiles(reply);
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Envoi de « reponse.pdf »' });
    await bar.waitFor();
    await page.getByRole('status').filter({ hasText: 'Votre message a été envoyé.' }).waitFor({ timeout: 30_000 });
    assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'), 'la barre de progression est pleine');
    const mine = page.locator('li[data-message]').filter({ hasText: 'Merci, docteur.' });
    await mine.getByText('Envoyé', { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Télécharger reponse.pdf' }).waitFor();
    assert.equal(await mine.getByText('Vérification des pièces jointes…').count(), 0, 'la pièce jointe est vérifiée');
    violations.push(...await axe(page, '72-conversation-reponse'));

    // The professional's file saved into the documents, under the category chosen
    await theirs.getByRole('button', { name: 'Enregistrer dans mes documents : Bilan sanguin' }).click();
    await page.getByLabel('Catégorie').selectOption({ label: 'Biologie' });
    await theirs.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Document enregistré dans Mes documents.' }).waitFor();
    violations.push(...await axe(page, '73-piece-jointe-enregistree'));
    await menu(page).getByRole('link', { name: 'Mes documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes documents' }).waitFor();
    const filed = page.locator('li[data-document]').filter({ hasText: 'Bilan sanguin' });
    await filed.waitFor();
    await filed.getByText('Biologie', { exact: false }).waitFor();

    // The professional reads the reply, and sees their message read
    const seen = await proThread(pro, id, t => t.messages.some(m => m.cote === 'PATIENT' && m.texte === 'Merci, docteur.'
      && m.statut === 'ENVOYE'), 'réponse du patient reçue');
    const answer = seen.messages.find(m => m.cote === 'PATIENT' && m.texte === 'Merci, docteur.');
    assert.equal(answer.piecesJointes.length, 1, 'la réponse porte son fichier');
    assert.ok(seen.messages.find(m => m.cote === 'PROFESSIONNEL').luLe, 'accusé de lecture du message du professionnel');

    // Read: the dashboard no longer counts it; removed from the messaging after a confirmation
    await menu(page).getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon tableau de bord' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nouveaux documents' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Vous avez \d+ messages? non lus?$/ }).count(), 0, 'plus de message non lu');
    await page.evaluate(conversation => { window.location.hash = `#/messages/${conversation}`; }, id);
    await page.getByRole('heading', { level: 1, name: 'Vos résultats' }).waitFor();
    await page.getByRole('button', { name: 'Supprimer de ma messagerie' }).click();
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'a été supprimée de votre messagerie.' }).waitFor();
    assert.equal(await page.locator(`li[data-conversation="${id}"]`).count(), 0, 'la conversation n’est plus listée');
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
