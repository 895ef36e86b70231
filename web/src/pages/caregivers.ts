import { api, ApiError, helpEnded, helpedPerson, helpFor } from '../api';
import { frenchDate, h, shortDate } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton } from '../ui';

interface Caregiver { reference: string; nom: string; depuis: string }
/** statut: PENDING, or EXPIRED once past its validity (then no longer counted among the 3). */
interface Invitation { id: string; nom: string; prenoms: string; email: string; valableJusquau: string; statut: string }
interface Caregivers { aidants: Caregiver[]; invitations: Invitation[] }
interface Helped { reference: string; nom: string; depuis: string }

/** A success announced and given the focus: the button that was pressed is gone with the list it sat in. */
function announce(feedback: HTMLElement, message: string): void {
  const done = alert('success', message);
  done.setAttribute('tabindex', '-1');
  feedback.replaceChildren(done);
  done.focus();
}

function failed(feedback: HTMLElement, e: unknown): void {
  feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
}

/** The patient names up to 3 caregivers: invitations by e-mail, the caregivers who accepted, removal at any time. */
export async function caregivers(main: HTMLElement): Promise<void> {
  main.replaceChildren(...pageTitle('Mes aidants'), loading('de vos aidants'));
  const first = await api<Caregivers>('GET', '/espace/aidants');
  const feedback = h('div', { 'aria-live': 'polite' });
  const lists = h('div');
  function draw(view: Caregivers): void {
    lists.replaceChildren(
      h('h2', { id: 'vos-aidants' }, 'Vos aidants'),
      view.aidants.length === 0 ? h('p', {}, 'Aucun aidant pour l’instant.') :
        h('ul', { class: 'fr-mb-4w', 'aria-labelledby': 'vos-aidants' }, view.aidants.map(a => h('li', {},
          `${a.nom}, votre aidant depuis le ${frenchDate(a.depuis)} `,
          button('Retirer', () => void act(`/espace/aidants/${encodeURIComponent(a.reference)}`, `${a.nom} n’est plus votre aidant.`),
            'tertiary', { 'aria-label': `Retirer ${a.nom}` })))),
      h('h2', { id: 'invitations-en-cours' }, 'Invitations en cours'),
      view.invitations.length === 0 ? h('p', {}, 'Aucune invitation en cours.') :
        h('ul', { class: 'fr-mb-4w', 'aria-labelledby': 'invitations-en-cours' }, view.invitations.map(i => h('li', {},
          `${i.prenoms} ${i.nom} (${i.email}), ${i.statut === 'EXPIRED' ? 'expirée : elle était valable' : 'valable'} `
            + `jusqu’au ${shortDate(i.valableJusquau)} `,
          button('Annuler l’invitation', () => void act(`/espace/aidants/invitations/${encodeURIComponent(i.id)}`,
            `L’invitation de ${i.prenoms} ${i.nom} est annulée.`), 'tertiary', { 'aria-label': `Annuler l’invitation de ${i.prenoms} ${i.nom}` })))));
  }
  async function act(path: string, done: string): Promise<void> {
    try {
      draw(await api<Caregivers>('DELETE', path));
      announce(feedback, done);
    } catch (e) {
      failed(feedback, e);
    }
  }
  const name = field('nom', 'Nom', { hint: 'Nom de famille, tel qu’il figure sur sa carte Vitale', required: true, maxlength: 100, autocomplete: 'off' });
  const firstNames = field('prenoms', 'Prénoms', { required: true, maxlength: 100, autocomplete: 'off' });
  const email = field('email', 'Adresse électronique', { type: 'email', required: true, autocomplete: 'off' });
  const formFeedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'inviter-aidant' }, formFeedback, name.group, firstNames.group, email.group,
    submitButton('Envoyer l’invitation', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [name, firstNames, email], formFeedback, async () => {
      const sent = await api<Invitation>('POST', '/espace/aidants', { nom: name.input.value.trim(), prenoms: firstNames.input.value.trim(),
        email: email.input.value.trim() });
      form.reset();
      formFeedback.replaceChildren(alert('success', `Invitation envoyée à ${sent.email}. Elle est valable jusqu’au ${shortDate(sent.valableJusquau)}.`));
      draw(await api<Caregivers>('GET', '/espace/aidants'));
    });
  });
  draw(first);
  main.replaceChildren(...pageTitle('Mes aidants', 'Un proche de confiance peut vous aider à tenir votre espace santé, avec son propre compte.'),
    h('ul', {},
      h('li', {}, 'Un aidant peut consulter vos documents et en ajouter.'),
      h('li', {}, 'Il ne peut pas gérer les accès à votre espace, le fermer, masquer ou supprimer vos documents, ni désigner d’autres aidants.'),
      h('li', {}, 'Vous pouvez avoir jusqu’à 3 aidants, invitations en cours comprises, et en retirer un à tout moment : c’est immédiat.'),
      h('li', {}, 'La personne invitée reçoit par courriel un code valable 30 jours ; elle l’accepte en se connectant avec sa propre identité.')),
    feedback, lists,
    h('h2', { id: 'inviter-aidant' }, 'Inviter un aidant'), form);
}

/** The people the signed-in person helps as caregiver: accepting an invitation, acting for them, stopping. */
export async function helping(main: HTMLElement, refresh: () => void): Promise<void> {
  main.replaceChildren(...pageTitle('J’aide un proche'), loading('des personnes que vous aidez'));
  const ended = helpEnded();
  const first = await api<{ aides: Helped[] }>('GET', '/espace/aides');
  const feedback = h('div', { 'aria-live': 'polite' });
  const list = h('div');
  function draw(people: Helped[]): void {
    list.replaceChildren(people.length === 0 ? h('p', {}, 'Vous n’aidez personne pour l’instant.') :
      h('ul', { class: 'fr-mb-4w', 'aria-labelledby': 'personnes-aidees' }, people.map(p => h('li', {},
        `${p.nom}, depuis le ${frenchDate(p.depuis)} `,
        button(`Agir pour ${p.nom}`, () => {
          helpFor({ reference: p.reference, nom: p.nom });
          refresh();
          window.location.hash = '#/documents';
        }, 'secondary'), ' ',
        button('Ne plus aider', () => void stop(p), 'tertiary', { 'aria-label': `Ne plus aider ${p.nom}` })))));
  }
  async function stop(p: Helped): Promise<void> {
    try {
      draw((await api<{ aides: Helped[] }>('DELETE', `/espace/aides/${encodeURIComponent(p.reference)}`)).aides);
      announce(feedback, `Vous n’aidez plus ${p.nom}.`);
    } catch (e) {
      failed(feedback, e);
    }
  }
  const code = field('code', 'Code reçu par courriel', { hint: 'Dix caractères, par exemple ABCDE-FGHJK', required: true, autocomplete: 'one-time-code' });
  const formFeedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'accepter-invitation' }, formFeedback, code.group,
    submitButton('Accepter l’invitation', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [code], formFeedback, async () => {
      const accepted = await api<Helped>('POST', '/espace/aides', { code: code.input.value.trim() });
      form.reset();
      formFeedback.replaceChildren(alert('success', `Vous êtes désormais l’aidant de ${accepted.nom}.`));
      draw((await api<{ aides: Helped[] }>('GET', '/espace/aides')).aides);
    });
  });
  draw(first.aides);
  main.replaceChildren(...pageTitle('J’aide un proche',
    'Une personne vous a choisi comme aidant : avec votre propre compte, vous consultez ses documents et en ajoutez pour elle.'),
  ...(ended ? [alert('error', `Vous ne pouvez plus agir pour ${ended.nom}. ${ended.message}`)] : []),
  feedback, h('h2', { id: 'personnes-aidees' }, 'Les personnes que j’aide'), list,
  h('h2', { id: 'accepter-invitation' }, 'Accepter une invitation'),
  h('p', {}, 'Saisissez le code reçu par courriel. L’invitation doit vous avoir été adressée, à votre nom.'), form);
}

export function caregiverBanner(host: HTMLElement, refresh: () => void): void {
  const helped = helpedPerson();
  host.replaceChildren(helped ? h('div', { class: 'fr-notice fr-notice--info', role: 'region', 'aria-label': 'Espace de la personne que vous aidez' },
    h('div', { class: 'fr-container' }, h('div', { class: 'fr-notice__body' },
      h('p', { class: 'fr-notice__title' }, `Vous agissez en tant qu’aidant de ${helped.nom}.`),
      button('Revenir à mon espace', () => { helpFor(null); refresh(); window.location.hash = '#/tableau-de-bord'; }, 'tertiary')))) : '');
}
