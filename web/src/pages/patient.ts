import { actFor, actingFor, api, ApiError, helpedPerson } from '../api';
import { dayAfter, frenchDate, frenchDateTime, h, shortDate } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton, identityFields } from '../ui';

/**
 * statut: OPEN, CLOSED, DELETION_REQUESTED or PURGING; fermeLe: when it was closed (or its deletion asked);
 * suppressionLe: the day its data is purged (AAAA-MM-JJ). Both null while it is open.
 */
export interface Space {
  statut: string; fermeLe: string | null; suppressionLe: string | null;
  creeLe: string; creation: string; activeLe: string | null; email: string | null;
  notifications: { nouveauxDocuments: boolean; messages: boolean; rappelsAgenda: boolean };
  accesUrgence: boolean; medecinTraitant: string | null;
}

interface Access { rpps: string; nom: string; regle: string; regleLibelle: string }
interface AccessView { professionnels: Access[]; bloques: Access[]; accesUrgence: boolean }
export interface HistoryEntry {
  date: string; acteur: { type: string; identifiant: string | null; nom: string | null; profession: string | null };
  ressource: string; element: string | null; action: string; regle: string; regleLibelle: string; autorise: boolean;
  justification: string | null;
}
interface HistoryPage { acces: HistoryEntry[]; suivant: string | null }
interface Child { reference: string; prenoms: string; dateNaissance: string; accord: string; autreParent: string | null; majeur: boolean }

/** What the history shows of each kind of resource. */
const RESOURCES: Record<string, string> = {
  SPACE: 'Espace', DOCUMENT: 'Document', PROFILE: 'Profil médical', MESSAGES: 'Messagerie', AGENDA: 'Agenda',
  SETTINGS: 'Paramètres', CONSENT: 'Consentement', ACCESS_HISTORY: 'Historique des accès', LIFECYCLE: 'Vie de l’espace',
  CAREGIVERS: 'Aidants', EXPORT: 'Export', SERVICES: 'Services connectés',
};

/** The state of the space shown (one's own, or the child's a parent acts for) as the API last gave it. */
let known: { whose: string; statut: string } | null = null;

/** Whose space is shown: one's own (''), a child's, or (never read here: a caregiver reads documents only) a helped person's. */
function shown(): string {
  const helped = helpedPerson();
  return helped ? `aide:${helped.reference}` : actingFor()?.reference ?? '';
}

function remember(space: Space): Space {
  known = { whose: shown(), statut: space.statut };
  return space;
}

/** True when the space shown is known to be closed or being deleted: then only its state is open to its owner. */
export function spaceClosed(): boolean {
  return known !== null && known.whose === shown() && known.statut !== 'OPEN';
}

/** Activation: with the code of the letter or e-mail, or with identity. */
export function activation(main: HTMLElement, done: () => void): void {
  const code = field('code', 'Code reçu par courriel ou courrier', { hint: 'Dix caractères, par exemple ABCDE-FGHJK', autocomplete: 'one-time-code' });
  const codeFeedback = h('div');
  const byCode = h('form', { novalidate: true }, h('fieldset', { class: 'fr-fieldset' },
    h('legend', { class: 'fr-fieldset__legend' }, 'Avec votre code'), h('div', { class: 'fr-fieldset__element' }, codeFeedback), code.group,
    submitButton('Activer avec mon code', 'fr-btn')));
  byCode.addEventListener('submit', e => {
    e.preventDefault();
    void submit(byCode, [code], codeFeedback, async () => {
      await api('POST', '/espace/activation', { code: code.input.value });
      done();
    });
  });
  const identity = identityFields();
  const feedback = h('div');
  const byIdentity = h('form', { novalidate: true }, h('fieldset', { class: 'fr-fieldset' },
    h('legend', { class: 'fr-fieldset__legend' }, 'Avec votre identité'), h('div', { class: 'fr-fieldset__element' }, feedback), identity.groups,
    submitButton('Activer mon espace', 'fr-btn')));
  byIdentity.addEventListener('submit', e => {
    e.preventDefault();
    void submit(byIdentity, identity.fields, feedback, async () => {
      await api('POST', '/espace/activation', identity.values());
      done();
    });
  });
  main.replaceChildren(...pageTitle('Activer mon espace santé',
    'Prouvez une seule fois que vous êtes bien l’assuré : votre connexion est ensuite rattachée à votre espace.'),
  h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
    h('div', { class: 'fr-col-12 fr-col-md-6' }, byCode), h('div', { class: 'fr-col-12 fr-col-md-6' }, byIdentity)));
}

/** The dashboard; a closed space shows what becomes of it instead. `notice`: a success to announce on top. */
export async function dashboard(main: HTMLElement, refresh: () => void, notice?: string): Promise<void> {
  main.replaceChildren(...pageTitle('Mon tableau de bord'), loading('de votre espace'));
  // The state first: a closed space would refuse (and record the refusal of) every other read.
  const space = remember(await api<Space>('GET', '/espace'));
  if (space.statut !== 'OPEN') {
    closedSpace(main, space, refresh);
    return;
  }
  const [documents, history, messages] = await Promise.all([
    api<{ documents: DocumentView[] }>('GET', '/espace/documents?limite=5'),
    api<HistoryPage>('GET', '/espace/historique?limite=5'),
    // The unread messages of the latest conversations; the dashboard shows without them if they cannot be read.
    api<{ conversations: Array<{ nonLus: number }> }>('GET', '/espace/messages?limite=50').catch(() => null),
  ]);
  const unread = messages?.conversations.reduce((n, c) => n + c.nonLus, 0) ?? 0;
  const lastVisit = window.sessionStorage.getItem('espace.derniere-visite');
  window.sessionStorage.setItem('espace.derniere-visite', new Date().toISOString());
  const news = documents.documents.filter(d => !lastVisit || d.deposeLe > lastVisit);
  const recentAccesses = history.acces.filter(a => !lastVisit || a.date > lastVisit);
  const done = notice ? alert('success', notice) : null;
  main.replaceChildren(...pageTitle('Mon tableau de bord',
    space.activeLe ? `Espace activé le ${frenchDate(space.activeLe)}.` : 'Votre espace est ouvert.'),
  ...(done ? [done] : []),
  unread > 0 ? h('p', {}, h('a', { class: 'fr-link', href: '#/messages' },
    `Vous avez ${unread} message${unread > 1 ? 's' : ''} non lu${unread > 1 ? 's' : ''}`)) : '',
  h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
    h('section', { class: 'fr-col-12 fr-col-md-6', 'aria-labelledby': 'nouveaux-documents' },
      h('h2', { id: 'nouveaux-documents' }, 'Nouveaux documents'),
      news.length === 0 ? h('p', {}, 'Aucun nouveau document depuis votre dernière visite.')
        : h('ul', {}, news.map(d => h('li', {}, `${d.titre} — ${frenchDate(d.dateSoins)}`))),
      h('a', { class: 'fr-link', href: '#/documents' }, 'Tous mes documents')),
    h('section', { class: 'fr-col-12 fr-col-md-6', 'aria-labelledby': 'derniers-acces' },
      h('h2', { id: 'derniers-acces' }, lastVisit ? 'Accès depuis votre dernière visite' : 'Derniers accès à mon espace'),
      recentAccesses.length === 0 ? h('p', {}, lastVisit ? 'Aucun accès depuis votre dernière visite.' : 'Aucun accès enregistré.')
        : h('ul', {}, recentAccesses.map(a => h('li', {}, `${frenchDateTime(a.date)} — ${actor(a)} — ${a.regleLibelle}`))),
      h('a', { class: 'fr-link', href: '#/historique' }, 'Tout l’historique'))));
  if (done) {
    done.setAttribute('tabindex', '-1');
    done.focus();
  }
}

/** A closed space: until when its data is kept, and reopening it; a space being deleted: when it will be gone. */
function closedSpace(main: HTMLElement, space: Space, refresh: () => void): void {
  if (space.statut !== 'CLOSED') {
    main.replaceChildren(...pageTitle('Suppression de votre espace en cours', deletionUnderway(space)),
      h('p', {}, 'La suppression ne peut plus être annulée. Vous pourrez ensuite activer un nouvel espace santé, qui sera vide.'));
    return;
  }
  const feedback = h('div');
  const form = h('form', { novalidate: true }, feedback,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
      h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Rouvrir mon espace')),
      // A parent may close a child's space, not delete it.
      actingFor() ? null : h('li', {}, h('a', { class: 'fr-btn fr-btn--secondary', href: '#/parametres' }, 'Supprimer définitivement mon espace'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void reopen();
  });
  async function reopen(): Promise<void> {
    let reopened = false;
    await submit(form, [], feedback, async () => {
      remember(await api<Space>('POST', '/espace/reouverture', {}));
      reopened = true;
    });
    if (!reopened) return;
    refresh();
    await dashboard(main, refresh, 'Votre espace est rouvert, avec toutes ses données.').catch((e: unknown) => {
      main.replaceChildren(...pageTitle('Mon tableau de bord'),
        alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
    });
  }
  main.replaceChildren(...pageTitle('Votre espace santé est fermé',
    `Fermé le ${shortDate(space.fermeLe)}. Vos données sont conservées jusqu’au ${shortDate(space.suppressionLe)}, puis supprimées définitivement.`),
  h('p', {}, 'Aucun professionnel ne peut le consulter ni y déposer de document, et vous ne recevez plus d’avis. '
    + 'D’ici là, vous pouvez le rouvrir à tout moment et retrouver toutes vos données.'),
  form);
}

function deletionUnderway(space: Space): string {
  return space.suppressionLe
    ? `Vos données seront supprimées définitivement au plus tard le ${shortDate(dayAfter(space.suppressionLe))}.`
    : 'Vos données seront supprimées définitivement dans les prochaines heures.';
}

export interface DocumentView {
  id: string; statut: string; motifRejet: string | null; categorie: string; codeLoinc: string | null; dateSoins: string;
  titre: string; typeContenu: string; taille: number; sha256: string | null;
  auteur: { type: string; rpps: string | null; nom: string | null; profession: string | null };
  retenuJusquAnnonce: boolean; masqueParLePatient: boolean; masqueAuxRepresentants: boolean; deposeLe: string;
}

export const CATEGORIES: Array<[string, string]> = [
  ['ordonnance', 'Ordonnance'], ['biologie', 'Biologie'], ['imagerie', 'Imagerie'],
  ['compte-rendu-hospitalier', 'Compte rendu hospitalier'], ['compte-rendu-consultation', 'Compte rendu de consultation'],
  ['vaccination', 'Vaccination'], ['document-patient', 'Document personnel'], ['autre', 'Autre'],
];

export function actor(a: HistoryEntry): string {
  if (a.acteur.type === 'PATIENT') return 'Vous';
  if (a.acteur.type === 'REPRESENTANT_LEGAL') return 'Un représentant légal';
  if (a.acteur.type === 'AIDANT') return `${a.acteur.nom ?? 'Un aidant'} (aidant)`;
  // A connected service: its name, and the purposes it was granted for (where a professional's profession stands).
  if (a.acteur.type === 'SERVICE') return `Service ${a.acteur.nom ?? a.acteur.identifiant ?? 'connecté'}${a.acteur.profession ? ` (${a.acteur.profession})` : ''}`;
  return [a.acteur.nom, a.acteur.profession ? `(${a.acteur.profession})` : null, a.acteur.identifiant ? `RPPS ${a.acteur.identifiant}` : null]
    .filter(Boolean).join(' ');
}

export async function history(main: HTMLElement): Promise<void> {
  const professional = field('professionnel', 'Professionnel (RPPS)', { hint: '11 chiffres', inputmode: 'numeric' });
  const rule = field('regle', 'Règle d’accès', { choices: [['', 'Toutes'], ['titulaire', 'Vous-même'],
    ['medecin-traitant', 'Médecin traitant'], ['consentement', 'Consentement'], ['bris-de-glace', 'Accès en urgence'],
    ['auteur-document', 'Auteur du document'], ['representant-legal', 'Représentant légal'], ['aidant', 'Aidant'],
    ['professionnel-bloque', 'Professionnel bloqué'], ['sans-autorisation', 'Sans autorisation'],
    ['service-catalogue', 'Service connecté'], ['service-suspendu', 'Service suspendu'],
    ['hors-autorisation-service', 'Hors de l’autorisation d’un service']] });
  const feedback = h('div');
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'fr-mb-3w' }, feedback,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-5' }, professional.group), h('div', { class: 'fr-col-12 fr-col-md-5' }, rule.group),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, submitButton('Filtrer', 'fr-btn fr-mt-md-4w'))));
  const cursors: Array<string | null> = [null];
  async function load(cursor: string | null): Promise<void> {
    const query = new URLSearchParams({ limite: '20' });
    if (professional.input.value) query.set('professionnel', professional.input.value.trim());
    if (rule.input.value) query.set('regle', rule.input.value);
    if (cursor) query.set('curseur', cursor);
    results.replaceChildren(loading('de l’historique'));
    const page = await api<HistoryPage>('GET', `/espace/historique?${query}`);
    results.replaceChildren(page.acces.length === 0 ? h('p', {}, 'Aucun accès ne correspond.') :
      // Focusable: on a narrow screen the table scrolls sideways, and the keyboard must reach it.
      h('div', { class: 'fr-table' }, h('table', { tabindex: 0 },
        h('caption', {}, 'Accès à mon espace, du plus récent au plus ancien'),
        h('thead', {}, h('tr', {}, ['Date', 'Qui', 'Quoi', 'Action', 'Règle', 'Résultat'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.acces.map(a => h('tr', {},
          h('td', {}, frenchDateTime(a.date)), h('td', {}, actor(a)),
          h('td', {}, (RESOURCES[a.ressource] ?? a.ressource) + (a.element ? ` (${a.element.slice(0, 8)})` : '')),
          h('td', {}, a.action), h('td', {}, a.regleLibelle, a.justification ? h('p', { class: 'fr-text--xs' }, `Justification : ${a.justification}`) : null),
          h('td', {}, a.autorise ? 'Autorisé' : 'Refusé')))))),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-mt-2w' },
      cursors.length > 1 ? h('li', {}, button('Page précédente', () => { cursors.pop(); void run(cursors[cursors.length - 1]); }, 'secondary')) : null,
      page.suivant ? h('li', {}, button('Page suivante', () => { cursors.push(page.suivant); void run(page.suivant); }, 'secondary')) : null));
  }
  function run(cursor: string | null): Promise<void> {
    return submit(form, [professional, rule], feedback, () => load(cursor));
  }
  form.addEventListener('submit', e => { e.preventDefault(); cursors.splice(1); void run(null); });
  main.replaceChildren(...pageTitle('Historique des accès', 'Chaque lecture, dépôt ou refus est enregistré : qui, quand, quoi et sous quelle règle.'), form, results);
  await run(null);
}

export async function accessPage(main: HTMLElement): Promise<void> {
  main.replaceChildren(...pageTitle('Qui peut voir mon espace'), loading('des accès'));
  const overview = await api<AccessView>('GET', '/espace/acces');
  const feedback = h('div', { 'aria-live': 'polite' });
  const doctor = field('rpps', 'Numéro RPPS de votre médecin traitant', { hint: '11 chiffres', inputmode: 'numeric' });
  const doctorForm = h('form', { novalidate: true }, doctor.group, submitButton('Désigner', 'fr-btn'));
  doctorForm.addEventListener('submit', e => {
    e.preventDefault();
    void submit(doctorForm, [doctor], feedback, async () => { await api('PUT', '/espace/medecin-traitant', { rpps: doctor.input.value.trim() }); await accessPage(main); });
  });
  const block = field('bloquer', 'Numéro RPPS du professionnel à bloquer', { hint: '11 chiffres', inputmode: 'numeric' });
  const blockForm = h('form', { novalidate: true }, block.group, submitButton('Bloquer', 'fr-btn fr-btn--secondary'));
  blockForm.addEventListener('submit', e => {
    e.preventDefault();
    void submit(blockForm, [block], feedback, async () => { await api('PUT', `/espace/professionnels-bloques/${encodeURIComponent(block.input.value.trim())}`); await accessPage(main); });
  });
  const toggleId = 'acces-urgence';
  const toggle = h('input', { type: 'checkbox', id: toggleId, class: 'fr-toggle__input', checked: overview.accesUrgence,
    onchange: async () => {
      try {
        await api('PUT', '/espace/acces-urgence', { actif: toggle.checked });
        feedback.replaceChildren(alert('success', toggle.checked ? 'Accès en urgence activé.' : 'Accès en urgence désactivé.'));
      } catch (e) {
        toggle.checked = !toggle.checked;
        feedback.replaceChildren(alert('error', (e as ApiError).message));
      }
    } });
  main.replaceChildren(...pageTitle('Qui peut voir mon espace', 'Les professionnels qui peuvent ouvrir votre espace maintenant, et sous quelle règle.'),
    feedback,
    h('h2', {}, 'Professionnels autorisés'),
    overview.professionnels.length === 0 ? h('p', {}, 'Aucun professionnel n’a accès à votre espace pour l’instant.') :
      h('ul', {}, overview.professionnels.map(p => h('li', {}, `${p.nom || 'Professionnel'} — RPPS ${p.rpps} — ${p.regleLibelle} `,
        p.regle === 'consentement' ? button('Retirer mon consentement', () => void api('DELETE', `/espace/consentements/${p.rpps}`).then(() => accessPage(main)), 'tertiary') : null))),
    h('h2', {}, 'Professionnels bloqués'),
    overview.bloques.length === 0 ? h('p', {}, 'Aucun professionnel bloqué.') :
      h('ul', {}, overview.bloques.map(p => h('li', {}, `RPPS ${p.rpps} `,
        button('Débloquer', () => void api('DELETE', `/espace/professionnels-bloques/${p.rpps}`).then(() => accessPage(main)), 'tertiary')))),
    h('h2', {}, 'Services connectés'),
    h('p', {}, 'Les applications du catalogue que vous avez connectées lisent et écrivent dans votre espace selon votre autorisation. ',
      h('a', { class: 'fr-link', href: '#/services' }, 'Mes services connectés')),
    h('h2', {}, 'Accès en urgence'),
    h('div', { class: 'fr-toggle' }, toggle, h('label', { class: 'fr-toggle__label', for: toggleId },
      'Autoriser un professionnel des urgences à ouvrir mon espace avec une justification écrite')),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters fr-mt-3w' },
      h('div', { class: 'fr-col-12 fr-col-md-6' }, h('h2', {}, 'Médecin traitant'), doctorForm),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, h('h2', {}, 'Bloquer un professionnel'), blockForm)));
}

export async function children(main: HTMLElement, refresh: () => void): Promise<void> {
  main.replaceChildren(...pageTitle('Mes enfants'), loading('de vos enfants'));
  const list = await api<{ enfants: Child[] }>('GET', '/espace/enfants');
  const identity = identityFields(true);
  const other = field('accordAutreParent', 'Nom de l’autre parent qui a donné son accord', { hint: 'Laissez vide si vous exercez seul l’autorité parentale' });
  const sole = h('input', { type: 'checkbox', id: 'autorite-exclusive', name: 'autoriteParentaleExclusive' });
  const feedback = h('div');
  const form = h('form', { novalidate: true }, feedback, identity.groups, other.group,
    h('div', { class: 'fr-checkbox-group fr-mb-3w' }, sole, h('label', { class: 'fr-label', for: 'autorite-exclusive' }, 'J’exerce seul l’autorité parentale')),
    submitButton('Rattacher l’espace de mon enfant', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [...identity.fields, other], feedback, async () => {
      await api('POST', '/espace/enfants', { ...identity.values(), accordAutreParent: other.input.value || null,
        autoriteParentaleExclusive: sole.checked || null });
      await children(main, refresh);
    });
  });
  main.replaceChildren(...pageTitle('Mes enfants', 'Vous agissez dans l’espace santé de vos enfants mineurs jusqu’à leurs 18 ans.'),
    list.enfants.length === 0 ? h('p', {}, 'Aucun enfant rattaché à votre compte.') :
      h('ul', { class: 'fr-mb-4w' }, list.enfants.map(c => h('li', {}, `${c.prenoms}, né(e) le ${frenchDate(c.dateNaissance)} `,
        c.majeur ? h('span', { class: 'fr-badge' }, 'Majeur') : button(`Agir pour ${c.prenoms}`, () => {
          actFor({ reference: c.reference, prenoms: c.prenoms });
          refresh();
          window.location.hash = '#/documents';
        }, 'secondary')))),
    h('h2', {}, 'Rattacher un enfant'), form);
}

export async function settings(main: HTMLElement): Promise<void> {
  main.replaceChildren(...pageTitle('Paramètres'), loading('de vos paramètres'));
  const space = remember(await api<Space>('GET', '/espace'));
  // A parent may close a child's space, not delete it.
  const deletion = actingFor() ? [] : [deletionSection()];
  if (space.statut === 'CLOSED') {
    main.replaceChildren(...pageTitle('Paramètres', 'Votre espace est fermé : vos coordonnées et vos avis ne peuvent plus être modifiés.'),
      h('p', {}, h('a', { class: 'fr-link', href: '#/tableau-de-bord' }, 'Revenir au tableau de bord pour rouvrir mon espace')),
      ...deletion);
    return;
  }
  if (space.statut !== 'OPEN') {
    main.replaceChildren(...pageTitle('Paramètres', deletionUnderway(space)));
    return;
  }
  const email = field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', value: space.email ?? '' });
  const boxes = ([['nouveauxDocuments', 'Me prévenir d’un nouveau document'], ['messages', 'Me prévenir d’un nouveau message'],
    ['rappelsAgenda', 'Me rappeler mes rendez-vous la veille']] as Array<[keyof Space['notifications'], string]>).map(([key, label]) => {
    const input = h('input', { type: 'checkbox', id: `notif-${key}`, name: key, checked: space.notifications[key] });
    return { key, input, group: h('div', { class: 'fr-checkbox-group' }, input, h('label', { class: 'fr-label', for: `notif-${key}` }, label)) };
  });
  const feedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, feedback, email.group,
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, 'Avis par courriel (jamais le contenu)'), boxes.map(b => b.group)),
    submitButton('Enregistrer', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [email], feedback, async () => {
      const notifications = Object.fromEntries(boxes.map(b => [b.key, b.input.checked]));
      await api('PUT', '/espace/coordonnees', { email: email.input.value || null, notifications });
      feedback.replaceChildren(alert('success', 'Vos paramètres sont enregistrés.'));
    });
  });
  main.replaceChildren(...pageTitle('Paramètres', 'Vos coordonnées et les avis que vous souhaitez recevoir.'), form,
    closureSection(), ...deletion);
}

/** Closing, in two steps: the button, then a confirmation that takes the focus (Annuler gives it back). */
function closureSection(): HTMLElement {
  const feedback = h('div');
  const step = h('div');
  const start = button('Fermer mon espace', () => {
    step.replaceChildren(confirm);
    question.focus();
  }, 'secondary');
  const question = h('p', { id: 'fermeture-question', class: 'fr-text--bold', tabindex: -1 },
    'Confirmez-vous la fermeture de votre espace santé ? Les professionnels n’y auront plus accès.');
  const confirm = h('form', { novalidate: true, 'aria-labelledby': 'fermeture-question' }, question,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
      h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Confirmer la fermeture')),
      h('li', {}, button('Annuler', () => {
        feedback.replaceChildren();
        step.replaceChildren(start);
        start.focus();
      }, 'secondary'))));
  confirm.addEventListener('submit', e => {
    e.preventDefault();
    void submit(confirm, [], feedback, async () => {
      remember(await api<Space>('POST', '/espace/cloture', {}));
      window.location.hash = '#/tableau-de-bord';
    });
  });
  step.replaceChildren(start);
  return h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'fermer-espace' },
    h('h2', { id: 'fermer-espace' }, 'Fermer mon espace santé'),
    h('p', {}, 'Une fois votre espace fermé, aucun professionnel ne peut plus le consulter ni y déposer de document, '
      + 'et vous ne recevez plus d’avis par courriel.'),
    h('p', {}, 'Vos données sont conservées pendant 10 ans, puis supprimées définitivement. '
      + 'D’ici là, vous pouvez rouvrir votre espace à tout moment et retrouver toutes vos données.'),
    feedback, step);
}

/** Deletion: definitive, so the person types the word the API asks for. */
function deletionSection(): HTMLElement {
  const confirmation = field('confirmation', 'Pour confirmer, écrivez SUPPRIMER', { autocomplete: 'off', maxlength: 20 });
  const feedback = h('div');
  const form = h('form', { novalidate: true }, feedback, confirmation.group,
    submitButton('Supprimer définitivement mon espace', 'fr-btn fr-btn--secondary'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [confirmation], feedback, async () => {
      try {
        remember(await api<Space>('POST', '/espace/suppression', { confirmation: confirmation.input.value.trim() }));
      } catch (error) {
        // The API's message says which word to type: it belongs next to the field too.
        if (error instanceof ApiError && error.code === 'CONFIRMATION_REQUISE') {
          throw new ApiError(error.status, error.code, error.message, confirmation.name);
        }
        throw error;
      }
      window.location.hash = '#/tableau-de-bord';
    });
  });
  return h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'supprimer-espace' },
    h('h2', { id: 'supprimer-espace' }, 'Supprimer définitivement mon espace'),
    h('div', { class: 'fr-alert fr-alert--warning fr-mb-3w' },
      h('h3', { class: 'fr-alert__title' }, 'La suppression est définitive'),
      h('p', {}, 'Tous vos documents et toutes les informations de votre espace sont effacés, au plus tard le lendemain de votre demande. '
        + 'Rien ne pourra être récupéré, et votre espace ne pourra pas être rouvert.')),
    form);
}

export function childBanner(host: HTMLElement, refresh: () => void): void {
  const child = actingFor();
  host.replaceChildren(child ? h('div', { class: 'fr-notice fr-notice--info', role: 'region', 'aria-label': 'Espace de votre enfant' },
    h('div', { class: 'fr-container' }, h('div', { class: 'fr-notice__body' },
      h('p', { class: 'fr-notice__title' }, `Vous agissez dans l’espace santé de ${child.prenoms}, en tant que représentant légal.`),
      button('Revenir à mon espace', () => { actFor(null); refresh(); window.location.hash = '#/tableau-de-bord'; }, 'tertiary')))) : '');
}
