// Journey 13: the catalogue of services. A patient searches the catalogue (« poids », then the category « Prévention »),
// opens « Carnet Poids » and reads per purpose what it would read and write, sees a connection without a purpose refused
// next to the purposes, connects it for prevention. The service, with its own OAuth2 token (client credentials), writes a
// FHIR weight under the pseudonym it received: the profile shows it with its source, the history shows the service.
// Revoked, the service's next write is refused (403, an OperationOutcome).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axe, browser, narrow, signIn, tab, activateWithIdentity } from './support.mjs';

const NIR = process.env.E2E_CATALOGUE_NIR;
const NAME = process.env.E2E_CATALOGUE_NAME;
const BIRTH = process.env.E2E_CATALOGUE_BIRTH;
const TOKEN_URL = process.env.E2E_SERVICES_TOKEN_URL;
const SERVICE = 'carnet-poids';
const menu = page => page.getByRole('navigation', { name: 'Menu principal' });

/** An instant with the local offset (2026-11-29T08:30:00+01:00), as FHIR dateTimes are written; a minute ago. */
function nowWithOffset() {
  const d = new Date(Date.now() - 60_000);
  const two = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
    + `${offset >= 0 ? '+' : '-'}${two(offset / 60)}:${two(offset % 60)}`;
}

/** The catalogue's answer to a search (its query matching), once the page has shown it. */
async function searched(page, query) {
  const response = await page.waitForResponse(r => r.url().includes('/espace/catalogue?') && query.test(r.url()));
  assert.equal(response.status(), 200, 'le catalogue répond');
}

/** The service's token: OAuth2 client credentials, with the SMART scopes it was referenced with. */
async function serviceToken() {
  const response = await fetch(TOKEN_URL, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SERVICE, client_secret: 'secret',
      scope: 'patient/Observation.cu patient/Observation.rs patient/Patient.rs' }).toString(),
  });
  assert.equal(response.status, 200, 'le service obtient un jeton');
  const { access_token: token } = await response.json();
  assert.ok(token, 'un jeton d’accès');
  return token;
}

/** A body weight, as the service writes it on the FHIR API, about its pseudonymous patient. */
async function writeWeight(token, patient) {
  const response = await fetch(`${BASE}/fhir/Observation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
    body: JSON.stringify({
      resourceType: 'Observation', status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: nowWithOffset(),
      valueQuantity: { value: 68.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

test('un patient connecte un service du catalogue, qui écrit un poids sous pseudonyme, puis le révoque', async () => {
  assert.ok(NIR && NAME && BIRTH, 'E2E_CATALOGUE_NIR, E2E_CATALOGUE_NAME et E2E_CATALOGUE_BIRTH sont requis');
  assert.ok(TOKEN_URL, 'E2E_SERVICES_TOKEN_URL est requis');
  const chrome = await browser();
  const violations = [];
  try {
    // A fresh login, activated with identity
    const page = await tab(chrome);
    await page.goto(`${BASE}/#/tableau-de-bord`);
    await signIn(page, `e2e-catalogue-${Date.now()}`);
    await activateWithIdentity(page, { nir: NIR, birth: BIRTH, name: NAME });

    // The catalogue: the services online, as cards
    await menu(page).getByRole('link', { name: 'Catalogue', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue de services' }).waitFor();
    const results = page.getByRole('region', { name: 'Services', exact: true });
    await results.locator('li[data-service]').first().waitFor();
    violations.push(...await axe(page, '100-catalogue'));
    violations.push(...await narrow(page, '100-catalogue'));

    // Searching « poids » (case and accents do not matter): « Carnet Poids »
    const search = page.getByRole('search', { name: 'Rechercher dans le catalogue' });
    await search.getByLabel(/^Rechercher un service/).fill('poids');
    await Promise.all([searched(page, /[?&]texte=poids/), search.getByRole('button', { name: 'Rechercher' }).click()]);
    const weightCard = results.locator(`li[data-service="${SERVICE}"]`);
    await weightCard.getByRole('link', { name: 'Carnet Poids', exact: true }).waitFor();
    assert.match(page.url(), /#\/catalogue\?texte=poids$/, 'l’adresse garde la recherche');

    // Filtered by the category « Prévention »: still there, with its tag
    await search.getByLabel('Catégorie').selectOption({ label: 'Prévention' });
    await Promise.all([searched(page, /[?&]categorie=prevention/), search.getByRole('button', { name: 'Rechercher' }).click()]);
    assert.match(page.url(), /#\/catalogue\?texte=poids&categorie=prevention$/);
    await weightCard.getByText('Prévention', { exact: true }).waitFor();
    await weightCard.getByText(/^Édité par /).waitFor();
    assert.ok(await results.getByRole('status').textContent().then(t => /services? trouvés?/.test(t)), 'le nombre de résultats est annoncé');
    violations.push(...await axe(page, '101-catalogue-recherche'));

    // The service's page: per purpose, what it would read and write
    await weightCard.getByRole('link', { name: 'Carnet Poids', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Carnet Poids' }).waitFor();
    const prevention = page.locator('li[data-finalite="prevention"]');
    await prevention.getByRole('heading', { name: 'Ce que le service pourra lire' }).waitFor();
    await prevention.getByRole('heading', { name: 'Ce que le service pourra écrire' }).waitFor();
    violations.push(...await axe(page, '102-service'));

    // Connecting without a purpose: refused next to the purposes
    const connecting = page.getByRole('form', { name: 'Connecter ce service' });
    const purposes = connecting.getByRole('group', { name: /^Pour quelles finalités connecter ce service \?/ });
    await connecting.getByRole('button', { name: 'Connecter le service' }).click();
    await page.locator('fieldset.fr-fieldset--error').getByText('Choisissez au moins une finalité.', { exact: true }).waitFor();
    assert.equal(await purposes.getByRole('checkbox').first().getAttribute('aria-invalid'), 'true', 'les cases sont signalées');
    assert.ok(await purposes.getByRole('checkbox').first().evaluate(e => e === document.activeElement), 'la première case reçoit le focus');
    violations.push(...await axe(page, '103-service-sans-finalite'));

    // Prevention, and « J’ai lu … »: connected; the service's pseudonym is in the answer, never on screen
    // DSFR draws the checkbox on its label, which takes the click
    await purposes.locator('label').filter({ hasText: /^Prévention$/ }).click();
    await connecting.locator('label').filter({ hasText: /^J’ai lu ce que ce service pourra lire et écrire/ }).click();
    assert.ok(await purposes.getByRole('checkbox', { name: 'Prévention', exact: true }).isChecked());
    const [answer] = await Promise.all([
      page.waitForResponse(r => r.url().includes(`/espace/services/${SERVICE}`) && r.request().method() === 'POST'),
      connecting.getByRole('button', { name: 'Connecter le service' }).click()]);
    assert.equal(answer.status(), 201, 'le service est connecté');
    const { patient } = await answer.json();
    assert.ok(patient, 'le service reçoit un identifiant pseudonyme du patient');
    await page.getByRole('status').filter({ hasText: /^« Carnet Poids » est connecté à mon espace pour : Prévention\./ }).waitFor();
    assert.equal(await page.getByText(patient).count(), 0, 'le pseudonyme ne s’affiche pas');
    assert.equal(await page.locator('fieldset.fr-fieldset--error').count(), 0, 'l’erreur est effacée');
    violations.push(...await axe(page, '104-service-connecte'));

    // « Mes services connectés »: Carnet Poids, up to date, for prevention
    await page.getByRole('status').getByRole('link', { name: 'Mes services connectés' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes services connectés' }).waitFor();
    const connected = page.locator(`li[data-service="${SERVICE}"]`);
    await connected.getByRole('heading', { name: 'Carnet Poids' }).waitFor();
    await connected.getByText('À jour', { exact: true }).waitFor();
    await connected.getByRole('list', { name: 'Finalités' }).getByText('Prévention', { exact: true }).waitFor();
    await connected.getByText(/Connecté le .+ par vous\./).waitFor();
    violations.push(...await axe(page, '105-services-connectes'));
    violations.push(...await narrow(page, '105-services-connectes'));

    // The service writes a weight, with its own token, about its pseudonymous patient
    const token = await serviceToken();
    const written = await writeWeight(token, patient);
    assert.equal(written.status, 201, `le poids est écrit : ${JSON.stringify(written.body)}`);

    // The profile shows it, with the service as its source
    await menu(page).getByRole('link', { name: 'Profil médical' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon profil médical' }).waitFor();
    const weight = page.locator('li[data-mesure="poids"]');
    await weight.filter({ hasText: 'Poids : 68,4 kg' }).waitFor();
    await weight.filter({ hasText: 'Carnet Poids' }).waitFor();
    violations.push(...await axe(page, '106-profil-mesure-service'));

    // The history shows the service, with the purpose it was granted for
    await menu(page).getByRole('link', { name: 'Historique' }).click();
    await page.getByRole('heading', { level: 1, name: 'Historique des accès' }).waitFor();
    await page.getByRole('table').locator('tbody tr').filter({ hasText: 'Service Carnet Poids (Prévention)' }).first().waitFor();
    violations.push(...await axe(page, '107-historique-service'));

    // Revoked, in two steps
    await menu(page).getByRole('link', { name: 'Mes services connectés' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes services connectés' }).waitFor();
    await page.getByRole('button', { name: 'Révoquer : Carnet Poids' }).click();
    const revoking = page.getByRole('group', { name: /^Révoquer « Carnet Poids » \?/ });
    await revoking.waitFor();
    violations.push(...await axe(page, '108-services-revocation'));
    await revoking.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await page.getByRole('status').filter({ hasText: '« Carnet Poids » est révoqué : il n’accède plus à mon espace.' }).waitFor();
    await page.getByText('Aucun service connecté.', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Parcourir le catalogue de services' }).waitFor();
    violations.push(...await axe(page, '109-services-aucun'));

    // The service's next write is refused, as FHIR says it
    const refused = await writeWeight(token, patient);
    assert.equal(refused.status, 403, 'le service révoqué n’écrit plus');
    assert.equal(refused.body?.resourceType, 'OperationOutcome', 'le refus est un OperationOutcome');
    assert.deepEqual(page.problems, []);
  } finally {
    await chrome.close();
  }
  assert.deepEqual(violations, [], 'axe : 0 violation');
});
