// Journey 7: a patient invites a caregiver (« aidant ») by e-mail; the caregiver, in their own browser and with
// their own identity, accepts with the code read from the e-mail (SES emulator's store), then acts in the
// patient's space under a permanent banner: documents and messages only, neither hiding nor deleting. The patient finds
// them in « Mes aidants » and in the history, and removes them: the caregiver's next page leaves caregiver
// mode with the API's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, axe, browser, signIn, tab, activateWithIdentity } from './support.mjs';

const env = name => process.env[name];
const CODE = /[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}/;
const SUBJECT = 'Invitation à devenir aidant dans un espace santé';
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });

async function activate(page, nir, name) {
  await activateWithIdentity(page, { nir, birth: env('E2E_CAREGIVER_BIRTH'), name });
}

/** The invitation e-mails the SES emulator captured for an address, oldest first. */
async function invitations(address) {
  const store = await (await fetch(`${env('E2E_SES_URL')}/store`)).json();
  return store.emails.filter(e => e.subject === SUBJECT && e.destination.to.some(to => to.toLowerCase() === address.toLowerCase()));
}

test('un patient invite un aidant, qui agit dans ses documents jusqu’à ce que le patient le retire', async () => {
  for (const name of ['E2E_CAREGIVER_PATIENT_NIR', 'E2E_CAREGIVER_PATIENT_NAME', 'E2E_CAREGIVER_NIR', 'E2E_CAREGIVER_NAME',
    'E2E_CAREGIVER_BIRTH', 'E2E_CAREGIVER_EMAIL', 'E2E_SES_URL']) {
    assert.ok(env(name), `${name} est requis`);
  }
  const PATIENT = env('E2E_CAREGIVER_PATIENT_NAME');
  const NAME = env('E2E_CAREGIVER_NAME');
  const EMAIL = env('E2E_CAREGIVER_EMAIL');
  const chrome = await browser();
  const violations = [];
  try {
    // The patient: activated, no caregiver yet
    const patient = await tab(chrome);
    await patient.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(patient, `e2e-aide-patient-${Date.now()}`);
    await activate(patient, env('E2E_CAREGIVER_PATIENT_NIR'), PATIENT);
    await menu(patient).getByRole('link', { name: 'Mes aidants' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Mes aidants' }).waitFor();
    await patient.getByText('Aucun aidant pour l’instant.').waitFor();
    await patient.getByText('Aucune invitation en cours.').waitFor();
    violations.push(...await axe(patient, '60-aidants-vide'));

    // The invitation: sent to the caregiver's address, valid 30 days, listed as pending
    const before = (await invitations(EMAIL)).length;
    await patient.getByLabel(/^Nom/).fill(NAME);
    await patient.getByLabel('Prénoms').fill('Alex');
    await patient.getByLabel('Adresse électronique').fill(EMAIL);
    await patient.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    const sent = patient.getByRole('status').filter({ hasText: `Invitation envoyée à ${EMAIL}.` });
    await sent.waitFor();
    assert.match(await sent.textContent(), /Elle est valable jusqu’au \d{2}\/\d{2}\/\d{4}\./);
    await patient.getByRole('list', { name: 'Invitations en cours' }).getByRole('listitem').filter({ hasText: EMAIL }).waitFor();
    violations.push(...await axe(patient, '61-aidants-invitation'));
    const mails = await invitations(EMAIL);
    assert.equal(mails.length, before + 1, `une invitation pour ${EMAIL}`);
    const code = CODE.exec(mails.at(-1).body.text)[0];

    // The caregiver, in another browser: not activated yet, so the activation page first
    const helper = await tab(chrome);
    await helper.goto(`${BASE}/#/aides`);
    await signIn(helper, `e2e-aide-${Date.now()}`);
    await activate(helper, env('E2E_CAREGIVER_NIR'), NAME);
    await menu(helper).getByRole('link', { name: 'J’aide un proche' }).click();
    await helper.getByRole('heading', { level: 1, name: 'J’aide un proche' }).waitFor();
    await helper.getByText('Vous n’aidez personne pour l’instant.').waitFor();

    // A wrong code: the API's message; then the code of the e-mail
    await helper.getByLabel('Code reçu par courriel').fill('ABCDE-FGHJK');
    await helper.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await helper.getByRole('alert').filter({ hasText: 'pas valable' }).waitFor();
    violations.push(...await axe(helper, '62-aides-erreur'));
    await helper.getByLabel('Code reçu par courriel').fill(code);
    await helper.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await helper.getByRole('status').filter({ hasText: 'Vous êtes désormais l’aidant de' }).waitFor();
    const helped = helper.getByRole('list', { name: 'Les personnes que j’aide' }).getByRole('listitem').filter({ hasText: PATIENT });
    await helped.waitFor();
    violations.push(...await axe(helper, '63-aides'));

    // Acting as caregiver: the banner, the documents with the proof of designation, no hiding nor deleting
    await helped.getByRole('button', { name: /^Agir pour / }).click();
    const banner = helper.getByRole('region', { name: 'Espace de la personne que vous aidez' });
    await banner.getByText('Vous agissez en tant qu’aidant de').waitFor();
    await helper.getByRole('heading', { level: 1, name: /^Documents de / }).waitFor();
    const proof = helper.locator('li[data-document]').filter({ hasText: /Attestation de désignation d['’]un aidant/ });
    await proof.first().waitFor();
    assert.equal(await helper.getByRole('button', { name: /^(Masquer|Ne plus masquer|Supprimer)/ }).count(), 0,
      'ni masquer ni supprimer pour un aidant');
    assert.deepEqual((await menu(helper).getByRole('link').allTextContents()).map(t => t.trim()),
      ['Documents', 'Profil médical', 'Messagerie', 'Agenda', 'Prévention', 'Catalogue', 'Services connectés'],
      'le menu de l’aidant se réduit aux documents, au profil médical, à la messagerie, à l’agenda, à la prévention et aux services connectés');
    violations.push(...await axe(helper, '64-aidant-documents'));
    const [download] = await Promise.all([helper.waitForEvent('download'),
      proof.first().getByRole('button', { name: /^Télécharger / }).click()]);
    const saved = join(mkdtempSync(join(tmpdir(), 'e2e-')), 'attestation.pdf');
    await download.saveAs(saved);
    assert.equal(readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-', 'l’attestation est un PDF');

    // The patient: the caregiver's actions in the history, under their name
    await menu(patient).getByRole('link', { name: 'Historique' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Historique des accès' }).waitFor();
    await patient.locator('table tbody tr').first().waitFor();
    const rows = await patient.locator('table tbody tr').allTextContents();
    assert.ok(rows.some(r => r.includes('(aidant)') && r.toLowerCase().includes(NAME.toLowerCase())),
      `l’historique montre l’aidant : ${rows.join(' | ')}`);
    violations.push(...await axe(patient, '65-historique-aidant'));

    // ... and in « Mes aidants », where the patient removes them
    await menu(patient).getByRole('link', { name: 'Mes aidants' }).click();
    await patient.getByRole('heading', { level: 1, name: 'Mes aidants' }).waitFor();
    const caregiver = patient.getByRole('list', { name: 'Vos aidants' }).getByRole('listitem').filter({ hasText: NAME });
    await caregiver.waitFor();
    assert.equal(await patient.getByText('Aucune invitation en cours.').count(), 1, 'l’invitation acceptée n’est plus en cours');
    await caregiver.getByRole('button', { name: /^Retirer / }).click();
    await patient.getByRole('status').filter({ hasText: 'n’est plus votre aidant.' }).waitFor();
    await patient.getByText('Aucun aidant pour l’instant.').waitFor();
    violations.push(...await axe(patient, '66-aidants-retire'));

    // The caregiver's next page: caregiver mode ends at once, with the API's message
    await helper.reload();
    await helper.getByRole('heading', { level: 1, name: 'J’aide un proche' }).waitFor();
    await helper.getByRole('alert').filter({ hasText: 'Aucun aidant ni aucune invitation ne porte cette référence.' }).waitFor();
    await helper.getByText('Vous n’aidez personne pour l’instant.').waitFor();
    assert.equal(await helper.getByRole('region', { name: 'Espace de la personne que vous aidez' }).count(), 0, 'plus de bandeau');
    await menu(helper).getByRole('link', { name: 'Mes aidants' }).waitFor();
    violations.push(...await axe(helper, '67-aides-fin'));
    assert.deepEqual([...patient.problems, ...helper.problems], []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
