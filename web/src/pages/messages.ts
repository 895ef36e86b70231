import './messages.css';
import { actingFor, api, ApiError, helpedPerson } from '../api';
import { frenchDateTime, h, uid } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton } from '../ui';
import { ACCEPTED, mediaType, put, type Upload } from './documents';
import { CATEGORIES } from './patient';

interface Conversation {
  id: string; sujet: string; professionnel: { rpps: string; nom: string }; patient: string; etat: 'OUVERTE' | 'TERMINEE';
  fin: string | null; peutRepondre: boolean; nonLus: number; nonLusProfessionnel: number; dernierMessageLe: string;
  masqueAuxRepresentants: boolean;
}
interface Attachment { id: string; titre: string; typeContenu: string; taille: number }
/** statut: ENVOYE; EN_ATTENTE while the intake checks its files; REFUSE (never delivered) with its motif. */
interface Message {
  id: string; envoyeLe: string; cote: 'PROFESSIONNEL' | 'PATIENT'; auteur: string; signature: string | null; texte: string;
  statut: 'ENVOYE' | 'EN_ATTENTE' | 'REFUSE'; motif: string | null; luLe: string | null; piecesJointes: Attachment[];
}
interface Inbox { conversations: Conversation[]; suivant: string | null }
/** The messages newest first. */
interface Thread { conversation: Conversation; messages: Message[]; suivant: string | null }
interface Sent { conversation: Conversation; message: Message; televersements: Array<Upload & { documentId: string }> }

const MAX_TEXT = 10_000;
const MAX_FILES = 5;
const MAX_SIZE = 10 * 1024 * 1024;
const PAGE = 20;
const TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'text/plain': 'texte',
  'application/hl7-cda+xml': 'CDA', 'application/fhir+json': 'FHIR' };

/** A document of the space sent with a message by its id (here the medical profile's summary). */
interface Attached { id: string; titre: string }
interface ProfileAttachment { element: HTMLElement; ids(): string[]; clear(): void }

/** What the inbox announces once, after a conversation was removed. */
let notice: string | null = null;

const unread = (n: number): string => `${n} non lu${n > 1 ? 's' : ''}`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

function failed(feedback: HTMLElement, e: unknown): void {
  feedback.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
}

/** A success announced and given the focus: the button that was pressed may be gone. */
function announce(feedback: HTMLElement, message: string): void {
  const done = alert('success', message);
  done.setAttribute('tabindex', '-1');
  feedback.replaceChildren(done);
  done.focus();
}

/** The conversations, newest first, and a new message to the treating doctor. */
export async function inbox(main: HTMLElement): Promise<void> {
  const helped = helpedPerson();
  main.replaceChildren(...pageTitle('Messagerie'), loading('de vos messages'));
  const feedback = h('div', { 'aria-live': 'polite' });
  const list = h('div');
  const cursors: Array<string | null> = [null];

  async function load(cursor: string | null): Promise<void> {
    const query = new URLSearchParams({ limite: String(PAGE) });
    if (cursor) query.set('curseur', cursor);
    const page = await api<Inbox>('GET', `/espace/messages?${query}`);
    list.replaceChildren(page.conversations.length === 0
      ? h('p', {}, 'Aucune conversation pour l’instant. Quand un professionnel de santé vous écrit, son message apparaît ici.')
      : h('ul', { class: 'fr-raw-list', 'aria-labelledby': 'conversations' }, page.conversations.map(card)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-mt-2w' },
      cursors.length > 1 ? h('li', {}, button('Page précédente', () => { cursors.pop(); void turn(cursors[cursors.length - 1]); }, 'secondary')) : null,
      page.suivant ? h('li', {}, button('Page suivante', () => { cursors.push(page.suivant); void turn(page.suivant); }, 'secondary')) : null));
  }
  async function turn(cursor: string | null): Promise<void> {
    try {
      await load(cursor);
    } catch (e) {
      failed(feedback, e);
    }
  }

  function card(c: Conversation): HTMLElement {
    return h('li', { class: 'fr-card fr-card--horizontal fr-enlarge-link fr-mb-2w', 'data-conversation': c.id },
      h('div', { class: 'fr-card__body' }, h('div', { class: 'fr-card__content' },
        h('h3', { class: 'fr-card__title fr-h6' }, h('a', { href: `#/messages/${c.id}` }, c.sujet)),
        h('p', { class: 'fr-card__desc' }, `${c.professionnel.nom} — dernier message le ${frenchDateTime(c.dernierMessageLe)}`),
        c.nonLus > 0 || c.etat === 'TERMINEE' ? h('div', { class: 'fr-card__start' }, h('ul', { class: 'fr-badges-group' },
          c.nonLus > 0 ? h('li', {}, h('p', { class: 'fr-badge fr-badge--sm fr-badge--new' }, unread(c.nonLus))) : null,
          c.etat === 'TERMINEE' ? h('li', {}, h('p', { class: 'fr-badge fr-badge--sm' }, 'Terminée')) : null)) : null)));
  }

  await load(null);
  const done = notice;
  notice = null;
  main.replaceChildren(...pageTitle(helped ? `Messagerie de ${helped.nom}` : 'Messagerie', helped
    ? 'En tant qu’aidant, vous lisez ses échanges avec ses professionnels de santé et y répondez ; vos réponses le disent.'
    : 'Vos échanges sécurisés avec les professionnels de santé. Vous êtes prévenu par courriel d’un nouveau message, jamais de son contenu.'),
  feedback, h('h2', { id: 'conversations' }, 'Conversations'), list, newConversation());
  if (done) feedback.replaceChildren(alert('success', done));
}

/**
 * « Ajouter le profil médical »: the API writes the PDF summary and files it among the documents; the message then
 * carries it by its id (the body's `documents`), as any document of the space. Listed before sending, and removable.
 */
function profileAttachment(): ProfileAttachment {
  let attached: Attached[] = [];
  const status = h('div', { 'aria-live': 'polite' });
  const slot = h('div');
  const list = h('div');
  const add = button('Ajouter le profil médical', async () => {
    add.disabled = true;
    try {
      const summary = await api<{ documentId: string; titre: string }>('POST', '/espace/profil/synthese');
      attached = [...attached, { id: summary.documentId, titre: summary.titre }];
      draw();
      status.replaceChildren(h('p', { class: 'fr-text--sm fr-mb-1w' }, `« ${summary.titre} » est joint au message.`));
      (list.querySelector('button') as HTMLButtonElement | null)?.focus();
    } catch (e) {
      status.replaceChildren(alert('error', e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.'));
    } finally {
      add.disabled = false;
    }
  }, 'secondary', { class: 'fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left' });

  // One summary is enough: the button gives way to the list (DSFR buttons show whatever their hidden attribute says).
  function draw(): void {
    slot.replaceChildren(attached.length ? '' : add);
    list.replaceChildren(attached.length === 0 ? '' : h('ul', { class: 'fr-raw-list', 'aria-label': 'Documents joints' },
      attached.map(a => h('li', { class: 'fr-mb-1w', 'data-document-joint': a.id }, `${a.titre} (PDF) `,
        button('Retirer', () => {
          attached = attached.filter(other => other.id !== a.id);
          draw();
          status.replaceChildren(h('p', { class: 'fr-text--sm fr-mb-1w' }, `« ${a.titre} » est retiré du message (il reste dans les documents).`));
          add.focus();
        }, 'tertiary', { class: 'fr-btn fr-btn--tertiary fr-btn--sm', 'aria-label': `Retirer ${a.titre}` })))));
  }

  draw();
  return {
    element: h('div', { class: 'fr-fieldset__element' },
      h('p', { class: 'fr-text--sm fr-mb-1w' }, 'Vous pouvez joindre une synthèse à jour de votre profil médical (PDF), '
        + 'enregistrée aussi dans les documents.'), slot, list, status),
    ids: () => attached.map(a => a.id),
    clear: () => { attached = []; draw(); status.replaceChildren(); },
  };
}

/** Writing first: the API allows it to a professional who wrote without ending, or to the treating doctor who accepts it. */
function newConversation(): HTMLElement {
  const rpps = field('rpps', 'Numéro RPPS du professionnel', { hint: '11 chiffres', inputmode: 'numeric', maxlength: 11, required: true,
    autocomplete: 'off' });
  const subject = field('sujet', 'Objet', { required: true, maxlength: 200 });
  const text = field('texte', 'Message', { multiline: true, maxlength: MAX_TEXT, required: true, hint: `${MAX_TEXT.toLocaleString('fr-FR')} caractères au plus` });
  const feedback = h('div', { 'aria-live': 'polite' });
  const joined = profileAttachment();
  const form = h('form', { novalidate: true, 'aria-labelledby': 'nouveau-message' }, feedback, rpps.group, subject.group, text.group,
    joined.element, submitButton('Envoyer', 'fr-btn'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [rpps, subject, text], feedback, async () => {
      const sent = await api<Sent>('POST', '/espace/messages', { rpps: rpps.input.value.replace(/\s/g, ''),
        sujet: subject.input.value.trim(), texte: text.input.value, documents: joined.ids() });
      window.location.hash = `#/messages/${sent.conversation.id}`;
    });
  });
  return h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'nouveau-message' },
    h('h2', { id: 'nouveau-message' }, 'Nouveau message'),
    h('p', {}, 'Vous pouvez écrire à votre médecin traitant s’il accepte les messages de ses patients. '
      + 'Pour répondre à un autre professionnel, ouvrez la conversation qu’il a commencée.'),
    form);
}

/** One conversation: its messages oldest first, the files, the reply while the professional has not ended the exchanges. */
export async function conversation(main: HTMLElement, id: string): Promise<void> {
  const helped = helpedPerson();
  const into = helped || actingFor() ? 'dans les documents' : 'dans mes documents';
  main.replaceChildren(...pageTitle('Conversation'), loading('de la conversation'));
  let thread = await api<Thread>('GET', `/espace/messages/${id}?limite=${PAGE}`);
  // Newest first, as the API gives them; older pages are added at the end.
  let shown = thread.messages;
  let older = thread.suivant;
  let olderLoaded = false;

  const feedback = h('div', { 'aria-live': 'polite' });
  const ended = h('div');
  const list = h('ol', { class: 'fr-raw-list', 'aria-labelledby': 'messages' });
  const more = h('div');
  const reply = replyForm();
  const replySection = h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'repondre' }, h('h2', { id: 'repondre' }, 'Répondre'), reply);

  function draw(): void {
    const c = thread.conversation;
    ended.replaceChildren(c.fin ? alert('info', `${c.fin}. Vous ne pouvez plus lui répondre dans cette conversation tant qu’il ne vous a pas écrit de nouveau.`) : '');
    replySection.hidden = !c.peutRepondre || Boolean(c.fin);
    list.replaceChildren(...[...shown].reverse().map(item));
    more.replaceChildren(older ? button('Afficher les messages précédents', () => void previous(), 'secondary') : '');
  }

  async function previous(): Promise<void> {
    try {
      const page = await api<Thread>('GET', `/espace/messages/${id}?limite=${PAGE}&curseur=${encodeURIComponent(older ?? '')}`);
      shown = [...shown, ...page.messages.filter(m => !shown.some(s => s.id === m.id))];
      older = page.suivant;
      olderLoaded = true;
      draw();
      (list.querySelector('h3') as HTMLElement | null)?.focus();
    } catch (e) {
      failed(feedback, e);
    }
  }

  /** The first page again; the older messages already shown stay. */
  async function reload(): Promise<void> {
    thread = await api<Thread>('GET', `/espace/messages/${id}?limite=${PAGE}`);
    shown = [...thread.messages, ...shown.filter(m => !thread.messages.some(n => n.id === m.id))];
    if (!olderLoaded) older = thread.suivant;
    if (main.isConnected) draw();
  }

  function item(m: Message): HTMLElement {
    const patientSide = m.cote === 'PATIENT';
    const heading = `message-${m.id}`;
    const badge = m.statut === 'EN_ATTENTE' ? h('p', { class: 'fr-badge fr-badge--sm fr-badge--info' }, 'Vérification des pièces jointes…')
      : m.statut === 'REFUSE' ? h('p', { class: 'fr-badge fr-badge--sm fr-badge--error' }, 'Non envoyé')
        : patientSide ? h('p', { class: 'fr-badge fr-badge--sm fr-badge--success' }, m.luLe ? `Lu le ${frenchDateTime(m.luLe)}` : 'Envoyé') : null;
    return h('li', { class: `es-message es-message--${patientSide ? 'patient' : 'professionnel'}`, 'data-message': m.id, 'aria-labelledby': heading },
      h('h3', { class: 'fr-h6 fr-mb-1v', id: heading, tabindex: -1 }, m.auteur),
      h('p', { class: 'fr-text--sm fr-mb-1w' }, h('time', { datetime: m.envoyeLe }, frenchDateTime(m.envoyeLe)),
        m.signature ? ` — ${m.signature}` : null),
      badge ? h('div', { class: 'fr-mb-1w' }, badge) : null,
      h('p', { class: 'es-message__texte fr-mb-1w' }, m.texte),
      m.statut === 'REFUSE' && m.motif ? h('p', { class: 'fr-text--sm fr-mb-1w' }, `Motif : ${m.motif}`) : null,
      m.piecesJointes.length === 0 ? null : h('ul', { class: 'fr-raw-list', 'aria-label': `Pièces jointes du message de ${m.auteur}` },
        m.piecesJointes.map(a => file(m, a))));
  }

  function file(m: Message, a: Attachment): HTMLElement {
    const row = h('li', { class: 'fr-mt-1w' }, h('p', { class: 'fr-mb-1v' }, `${a.titre} (${TYPES[a.typeContenu] ?? a.typeContenu}, ${size(a.taille)})`));
    // A file still being checked, or refused, cannot be read yet.
    if (m.statut !== 'ENVOYE') return row;
    const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
      h('li', {}, button('Télécharger', () => void download(a), 'secondary', { 'aria-label': `Télécharger ${a.titre}` })));
    if (m.cote === 'PROFESSIONNEL') {
      const save = button(`Enregistrer ${into}`, () => saving(a, row, save), 'secondary', { 'aria-label': `Enregistrer ${into} : ${a.titre}` });
      actions.append(h('li', {}, save));
    }
    row.append(actions);
    return row;
  }

  async function download(a: Attachment): Promise<void> {
    try {
      const link = await api<{ url: string }>('GET', `/espace/messages/${id}/pieces-jointes/${a.id}`);
      window.location.assign(link.url);
    } catch (e) {
      failed(feedback, e);
    }
  }

  /** « Enregistrer dans mes documents »: the category first, then the document joins the space's documents. */
  function saving(a: Attachment, row: HTMLElement, opener: HTMLButtonElement): void {
    const open = row.querySelector('form');
    if (open) {
      (open.querySelector('select') as HTMLSelectElement).focus();
      return;
    }
    const category = field('categorie', 'Catégorie', { choices: CATEGORIES, value: 'autre' });
    const panelFeedback = h('div');
    const question = uid('enregistrer');
    const form = h('form', { novalidate: true, class: 'fr-mt-2w', 'aria-labelledby': question },
      h('p', { id: question, class: 'fr-text--bold fr-mb-1w' }, `Enregistrer « ${a.titre} » ${into}`), panelFeedback, category.group,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
        h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer')),
        h('li', {}, button('Annuler', () => { form.remove(); opener.focus(); }, 'secondary'))));
    form.addEventListener('submit', e => {
      e.preventDefault();
      void submit(form, [category], panelFeedback, async () => {
        await api('POST', `/espace/messages/${id}/pieces-jointes/${a.id}/enregistrement`, { categorie: category.input.value });
        form.remove();
        announce(feedback, helped ? `Document enregistré dans les documents de ${helped.nom}.` : 'Document enregistré dans Mes documents.');
      });
    });
    row.append(form);
    category.input.focus();
  }

  /** Text, files (each sent straight to its pre-signed URL, with its progress), then the message until it is checked. */
  function replyForm(): HTMLFormElement {
    const text = field('texte', 'Votre message', { multiline: true, maxlength: MAX_TEXT, required: true,
      hint: `${MAX_TEXT.toLocaleString('fr-FR')} caractères au plus` });
    text.input.setAttribute('rows', '6');
    const counter = h('p', { class: 'fr-hint-text fr-mt-1v' });
    const count = (): void => { counter.textContent = `${text.input.value.length.toLocaleString('fr-FR')} / ${MAX_TEXT.toLocaleString('fr-FR')} caractères`; };
    text.input.addEventListener('input', count);
    text.input.after(counter);
    count();
    const fileId = uid('fichiers');
    const files = h('input', { type: 'file', id: fileId, name: 'fichiers', class: 'fr-upload', multiple: true, accept: ACCEPTED,
      'aria-describedby': `${fileId}-aide` });
    const uploads = h('div', { class: 'fr-fieldset__element es-upload' });
    const joined = profileAttachment();
    const formFeedback = h('div', { 'aria-live': 'polite' });
    const form = h('form', { novalidate: true, 'aria-labelledby': 'repondre' }, formFeedback, text.group,
      h('div', { class: 'fr-fieldset__element' }, h('div', { class: 'fr-upload-group' },
        h('label', { class: 'fr-label', for: fileId }, 'Joindre des fichiers',
          h('span', { class: 'fr-hint-text', id: `${fileId}-aide` },
            `${MAX_FILES} fichiers au plus, de 10 Mio chacun : PDF, JPEG, PNG, texte, CDA R2 (XML) ou FHIR (JSON).`)), files)),
      joined.element, uploads, submitButton('Envoyer', 'fr-btn'));
    form.addEventListener('submit', e => {
      e.preventDefault();
      void submit(form, [text], formFeedback, async () => {
        const chosen = Array.from(files.files ?? []);
        if (chosen.length + joined.ids().length > MAX_FILES) {
          throw new ApiError(400, 'TROP_DE_PIECES_JOINTES', 'Un message porte 5 pièces jointes au plus.');
        }
        const empty = chosen.find(f => f.size === 0);
        if (empty) throw new ApiError(400, 'FICHIER_VIDE', `« ${empty.name} » est vide.`);
        const big = chosen.find(f => f.size > MAX_SIZE);
        if (big) throw new ApiError(400, 'PIECE_JOINTE_TROP_GRANDE', `« ${big.name} » dépasse 10 Mio : une pièce jointe fait 10 Mio au plus.`);
        const sent = await api<Sent>('POST', `/espace/messages/${id}`, { texte: text.input.value, documents: joined.ids(),
          fichiers: chosen.map(f => ({ titre: f.name.slice(0, 200), typeContenu: mediaType(f), taille: f.size })) });
        // The API answers the uploads in the order of the files.
        const bars = chosen.map(() => h('progress', { id: uid('envoi'), max: 100, value: 0 }));
        uploads.replaceChildren(...chosen.map((f, i) => h('div', { class: 'fr-mb-1w' },
          h('label', { class: 'fr-label', for: bars[i].id }, `Envoi de « ${f.name} »`), bars[i])));
        try {
          await Promise.all(sent.televersements.map((upload, i) => put(upload, chosen[i], percent => { bars[i].value = percent; })));
        } catch (error) {
          await reload().catch(() => undefined); // the message is there, waiting for its files
          throw error;
        }
        form.reset();
        joined.clear();
        count();
        await reload();
        let message = shown.find(m => m.id === sent.message.id);
        if (message?.statut === 'EN_ATTENTE') {
          formFeedback.replaceChildren(alert('info', 'Message envoyé : vérification des pièces jointes en cours…'));
        }
        // The intake checks the files within seconds: every 1.5 s, 20 s at most, while the page is shown.
        const stop = Date.now() + 20_000;
        while (message?.statut === 'EN_ATTENTE' && Date.now() < stop && main.isConnected) {
          await new Promise(resolve => setTimeout(resolve, 1500));
          await reload();
          message = shown.find(m => m.id === sent.message.id);
        }
        formFeedback.replaceChildren(message?.statut === 'REFUSE' ? alert('error', message.motif ?? 'Votre message n’a pas été envoyé.')
          : message?.statut === 'EN_ATTENTE'
            ? alert('info', 'La vérification des pièces jointes prend plus de temps que prévu : votre message partira une fois vérifié.')
            : alert('success', 'Votre message a été envoyé.'));
      });
    });
    return form;
  }

  const sections: HTMLElement[] = [...pageTitle(thread.conversation.sujet, `Avec ${thread.conversation.professionnel.nom}`),
    h('p', {}, h('a', { class: 'fr-link', href: '#/messages' }, 'Retour à la messagerie')),
    feedback, ended,
    h('section', { 'aria-labelledby': 'messages' }, h('h2', { id: 'messages' }, 'Messages'), more, list),
    replySection];
  // Removing it from one's view stays with the patient (and a parent), not a caregiver.
  if (!helped) sections.push(removal());
  draw();
  main.replaceChildren(...sections);

  /** In two steps, like closing the space: the button, then a confirmation that takes the focus. */
  function removal(): HTMLElement {
    const removalFeedback = h('div');
    const step = h('div');
    const start = button('Supprimer de ma messagerie', () => {
      step.replaceChildren(confirm);
      question.focus();
    }, 'secondary');
    const question = h('p', { id: 'suppression-question', class: 'fr-text--bold', tabindex: -1 },
      'Confirmez-vous la suppression de cette conversation de votre messagerie ?');
    const confirm = h('form', { novalidate: true, 'aria-labelledby': 'suppression-question' }, question,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
        h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Confirmer la suppression')),
        h('li', {}, button('Annuler', () => {
          removalFeedback.replaceChildren();
          step.replaceChildren(start);
          start.focus();
        }, 'secondary'))));
    confirm.addEventListener('submit', e => {
      e.preventDefault();
      void submit(confirm, [], removalFeedback, async () => {
        await api('DELETE', `/espace/messages/${id}`);
        notice = `La conversation « ${thread.conversation.sujet} » a été supprimée de votre messagerie.`;
        window.location.hash = '#/messages';
      });
    });
    step.replaceChildren(start);
    return h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'supprimer-conversation' },
      h('h2', { id: 'supprimer-conversation' }, 'Supprimer cette conversation'),
      h('p', {}, 'Elle disparaît de votre messagerie ; le professionnel garde la sienne. Les documents que vous en avez enregistrés restent dans vos documents.'),
      removalFeedback, step);
  }
}
