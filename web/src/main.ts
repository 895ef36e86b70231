import '@gouvfr/dsfr/dist/dsfr.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-system/icons-system.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-user/icons-user.min.css';
import '@gouvfr/dsfr/dist/dsfr.module.min.js';
import { actingFor, ApiError, helpedPerson } from './api';
import { completeLogin, configure, currentUser, login, logout, type Population } from './auth';
import { loadConfig } from './config';
import { h } from './dom';
import { agenda } from './pages/agenda';
import { caregiverBanner, caregivers, helping } from './pages/caregivers';
import { catalogue, connectedServices, serviceSheet } from './pages/catalogue';
import { documents } from './pages/documents';
import { conversation, inbox } from './pages/messages';
import { imports, waves } from './pages/operator';
import { accessPage, activation, childBanner, children, dashboard, history, settings, spaceClosed } from './pages/patient';
import { prevention } from './pages/prevention';
import { profile } from './pages/profile';
import { home, objection } from './pages/public';
import { alert, pageTitle } from './ui';

interface Route { title: string; population?: Population; render: (main: HTMLElement) => void | Promise<void> }

const main = document.getElementById('contenu') as HTMLElement;
const header = document.getElementById('entete') as HTMLElement;
const banner = document.getElementById('bandeau') as HTMLElement;

const routes: Record<string, Route> = {
  '#/': { title: 'Accueil', render: m => home(m, () => void login('citizen', '#/tableau-de-bord'), () => void login('admin', '#/operateur')) },
  '#/opposition': { title: 'Opposition', render: objection },
  '#/activation': { title: 'Activation', population: 'citizen', render: m => activation(m, () => { window.location.hash = '#/tableau-de-bord'; }) },
  '#/tableau-de-bord': { title: 'Tableau de bord', population: 'citizen', render: m => dashboard(m, drawChrome) },
  '#/documents': { title: 'Mes documents', population: 'citizen', render: documents },
  '#/messages': { title: 'Messagerie', population: 'citizen', render: inbox },
  '#/agenda': { title: 'Mon agenda santé', population: 'citizen', render: agenda },
  '#/profil': { title: 'Mon profil médical', population: 'citizen', render: profile },
  '#/prevention': { title: 'Mon calendrier de prévention', population: 'citizen', render: prevention },
  '#/catalogue': { title: 'Catalogue de services', population: 'citizen', render: catalogue },
  '#/services': { title: 'Mes services connectés', population: 'citizen', render: connectedServices },
  '#/acces': { title: 'Qui peut voir mon espace', population: 'citizen', render: accessPage },
  '#/historique': { title: 'Historique des accès', population: 'citizen', render: history },
  '#/enfants': { title: 'Mes enfants', population: 'citizen', render: m => children(m, drawChrome) },
  '#/aidants': { title: 'Mes aidants', population: 'citizen', render: caregivers },
  '#/aides': { title: 'J’aide un proche', population: 'citizen', render: m => helping(m, drawChrome) },
  '#/parametres': { title: 'Paramètres', population: 'citizen', render: settings },
  '#/operateur': { title: 'Imports du registre', population: 'admin', render: imports },
  '#/operateur/vagues': { title: 'Vagues de notification', population: 'admin', render: waves },
};

const PATIENT_MENU: Array<[string, string]> = [['#/tableau-de-bord', 'Tableau de bord'], ['#/documents', 'Mes documents'],
  ['#/profil', 'Profil médical'], ['#/messages', 'Messagerie'], ['#/agenda', 'Agenda'], ['#/prevention', 'Prévention'],
  ['#/catalogue', 'Catalogue'], ['#/services', 'Mes services connectés'],
  ['#/acces', 'Qui peut voir mon espace'], ['#/historique', 'Historique'],
  ['#/enfants', 'Mes enfants'], ['#/aidants', 'Mes aidants'], ['#/aides', 'J’aide un proche'], ['#/parametres', 'Paramètres']];
// A closed space (or one being deleted) keeps only its state open to its owner: the dashboard says what becomes
// of it, the settings delete it; a parent's list of children and the people one helps do not depend on it.
const WHEN_CLOSED = new Set(['#/tableau-de-bord', '#/enfants', '#/aides', '#/parametres', '#/activation']);
// A caregiver sees and adds the helped person's documents, reads and adds to their medical profile, reads and answers
// their messages, keeps their agenda, reads their prevention calendar, connects services of the catalogue for them
// (revoking one stays with the person), nothing else (the banner leads back).
const CAREGIVER_MENU: Array<[string, string]> = [['#/documents', 'Documents'], ['#/profil', 'Profil médical'],
  ['#/messages', 'Messagerie'], ['#/agenda', 'Agenda'], ['#/prevention', 'Prévention'], ['#/catalogue', 'Catalogue'],
  ['#/services', 'Services connectés']];
const CAREGIVER_PAGES = new Set(CAREGIVER_MENU.map(([href]) => href));
const OPERATOR_MENU: Array<[string, string]> = [['#/operateur', 'Imports du registre'], ['#/operateur/vagues', 'Vagues']];

/**
 * A page of its own (a fixed hash, whose query a page may read: #/catalogue?texte=…), one conversation
 * (#/messages/<id>) or one service of the catalogue (#/catalogue/<id>).
 */
function routeOf(hash: string): Route | undefined {
  const id = /^#\/messages\/([0-9a-f-]{36})$/.exec(hash)?.[1];
  if (id) return { title: 'Conversation', population: 'citizen', render: m => conversation(m, id) };
  const service = /^#\/catalogue\/([A-Za-z0-9._~-]{1,100})$/.exec(hash)?.[1];
  if (service) return { title: 'Service du catalogue', population: 'citizen', render: m => serviceSheet(m, service) };
  return routes[hash.split('?')[0]];
}

/** The menu entry of a page: a conversation belongs to the messaging, a service to the catalogue. */
function section(hash: string): string {
  const path = hash.split('?')[0];
  return path.startsWith('#/messages/') ? '#/messages' : path.startsWith('#/catalogue/') ? '#/catalogue' : path;
}

async function drawChrome(): Promise<void> {
  const citizen = await currentUser('citizen');
  const operator = await currentUser('admin');
  const who: Population | null = citizen ? 'citizen' : operator ? 'admin' : null;
  // Only the patient (not a parent for a child) names caregivers.
  const patientMenu = helpedPerson() ? CAREGIVER_MENU : spaceClosed() ? PATIENT_MENU.filter(([href]) => WHEN_CLOSED.has(href))
    : actingFor() ? PATIENT_MENU.filter(([href]) => href !== '#/aidants') : PATIENT_MENU;
  const menu = who === 'citizen' ? patientMenu : who === 'admin' ? OPERATOR_MENU : [['#/', 'Accueil'], ['#/opposition', 'M’opposer']] as Array<[string, string]>;
  const current = section(window.location.hash || '#/');
  const account = who
    ? h('button', { type: 'button', class: 'fr-btn fr-icon-logout-box-r-line', id: 'deconnexion',
      onclick: async () => { await logout(who); window.location.hash = '#/'; await drawChrome(); } }, 'Se déconnecter')
    : h('button', { type: 'button', class: 'fr-btn fr-icon-account-circle-line', id: 'connexion',
      onclick: () => void login('citizen', '#/tableau-de-bord') }, 'Se connecter');
  const brand = h('div', { class: 'fr-header__brand fr-enlarge-link' },
    h('div', { class: 'fr-header__brand-top' },
      h('div', { class: 'fr-header__logo' }, h('p', { class: 'fr-logo' }, 'République', h('br'), 'Française'))),
    h('div', { class: 'fr-header__service' },
      h('a', { href: '#/', title: 'Accueil — Espace Santé' }, h('p', { class: 'fr-header__service-title' }, 'Espace Santé')),
      h('p', { class: 'fr-header__service-tagline' }, 'Mon espace numérique de santé')));
  const tools = h('div', { class: 'fr-header__tools' },
    h('div', { class: 'fr-header__tools-links' }, h('ul', { class: 'fr-btns-group' }, h('li', {}, account))));
  const nav = h('nav', { class: 'fr-nav', id: 'navigation-principale', role: 'navigation', 'aria-label': 'Menu principal' },
    h('ul', { class: 'fr-nav__list' }, menu.map(([href, text]) => h('li', { class: 'fr-nav__item' },
      h('a', { class: 'fr-nav__link', href, 'aria-current': current === href ? 'page' : null }, text)))));
  header.replaceChildren(
    h('div', { class: 'fr-header__body' }, h('div', { class: 'fr-container' }, h('div', { class: 'fr-header__body-row' }, brand, tools))),
    h('div', { class: 'fr-header__menu', id: 'menu' }, h('div', { class: 'fr-container' },
      h('div', { class: 'fr-header__menu-links' }), nav)));
  if (helpedPerson()) caregiverBanner(banner, () => void drawChrome());
  else childBanner(banner, () => void drawChrome());
}

let firstPage = true;

async function show(): Promise<void> {
  const hash = window.location.hash || '#/';
  const route = routeOf(hash);
  await drawChrome();
  const closed = spaceClosed();
  if (!route) {
    main.replaceChildren(...pageTitle('Page introuvable'), h('p', {}, h('a', { href: '#/' }, 'Revenir à l’accueil')));
    document.title = 'Page introuvable — Espace Santé';
    return;
  }
  document.title = `${route.title} — Espace Santé`;
  if (route.population && !(await currentUser(route.population))) {
    await login(route.population, hash);
    return;
  }
  // The dashboard and the other pages read what a caregiver may not: the menu's pages are their whole view.
  if (route.population === 'citizen' && helpedPerson() && !CAREGIVER_PAGES.has(section(hash))) {
    window.location.hash = '#/documents';
    return;
  }
  if (route.population === 'citizen' && closed && !WHEN_CLOSED.has(section(hash))) {
    window.location.hash = '#/tableau-de-bord';
    return;
  }
  // Each navigation renders into its own container: a page still loading when the person moves on
  // writes into a container that is no longer shown.
  const view = h('div');
  main.replaceChildren(view);
  try {
    await route.render(view);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'ESPACE_NON_ACTIVE') {
      window.location.hash = '#/activation';
      return;
    }
    if (e instanceof ApiError && e.code === 'ESPACE_FERME' && hash !== '#/tableau-de-bord') {
      window.location.hash = '#/tableau-de-bord';
      return;
    }
    view.replaceChildren(...pageTitle(route.title), alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
  }
  // After a navigation (not on arrival: the skip links come first), the page's title takes the focus,
  // so keyboard and screen-reader users start from it.
  if (!view.isConnected) return;
  // The page found the space closed, or open again: the menu follows.
  if (spaceClosed() !== closed) await drawChrome();
  const title = view.querySelector('h1');
  if (title && !firstPage) {
    title.setAttribute('tabindex', '-1');
    title.focus({ preventScroll: true });
  }
  firstPage = false;
}

async function start(): Promise<void> {
  configure(await loadConfig());
  const next = await completeLogin().catch(() => '#/');
  if (next) window.history.replaceState(null, '', `/${next}`);
  window.addEventListener('hashchange', () => void show());
  await show();
}

void start();
