import { api, ApiError, helpedPerson } from '../api';
import { frenchDate, h } from '../dom';
import { alert, button, field, loading, pageTitle, submit, submitButton, dateField, isoDate } from '../ui';
import { CATEGORIES, type DocumentView } from './patient';

interface DocumentPage { documents: DocumentView[]; suivant: string | null }
/** A pre-signed PUT: the URL, and the headers to send with exactly these values. */
export interface Upload { methode: string; url: string; entetes: Record<string, string>; expireLe: string }
interface Grant { document: DocumentView; televersement: Upload }

export const ACCEPTED = 'application/pdf,image/jpeg,image/png,text/plain,.xml,.json';
const STATUS: Record<string, string> = { PENDING: 'En cours de vérification', AVAILABLE: 'Disponible', REJECTED: 'Refusé', REPLACED: 'Remplacé' };

export async function documents(main: HTMLElement): Promise<void> {
  // A caregiver sees, downloads and adds the helped person's documents; hiding and deleting stay with the patient.
  const helped = helpedPerson();
  const feedback = h('div', { 'aria-live': 'polite' });
  const list = h('div');
  const category = field('categorie', 'Catégorie', { choices: [['', 'Toutes'], ...CATEGORIES] });
  const from = dateField('du', 'Du');
  const to = dateField('au', 'Au');
  const filterFeedback = h('div');
  const filters = h('form', { novalidate: true, class: 'fr-mb-3w', 'aria-label': helped ? 'Filtrer les documents' : 'Filtrer mes documents' }, filterFeedback,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, category.group), h('div', { class: 'fr-col-6 fr-col-md-3' }, from.group),
      h('div', { class: 'fr-col-6 fr-col-md-3' }, to.group),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, submitButton('Filtrer', 'fr-btn fr-mt-md-4w'))));
  const cursors: Array<string | null> = [null];

  async function load(cursor: string | null): Promise<void> {
    const query = new URLSearchParams({ limite: '20' });
    if (category.input.value) query.set('categorie', category.input.value);
    if (from.input.value) query.set('du', isoDate(from));
    if (to.input.value) query.set('au', isoDate(to));
    if (cursor) query.set('curseur', cursor);
    list.replaceChildren(loading('de vos documents'));
    const page = await api<DocumentPage>('GET', `/espace/documents?${query}`);
    list.replaceChildren(page.documents.length === 0 ? h('p', {}, 'Aucun document ne correspond.') :
      h('ul', { class: 'fr-raw-list', 'aria-label': helped ? `Documents de ${helped.nom}` : 'Mes documents' }, page.documents.map(row)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-mt-2w' },
      cursors.length > 1 ? h('li', {}, button('Page précédente', () => { cursors.pop(); void refresh(cursors[cursors.length - 1]); }, 'secondary')) : null,
      page.suivant ? h('li', {}, button('Page suivante', () => { cursors.push(page.suivant); void refresh(page.suivant); }, 'secondary')) : null));
  }
  function refresh(cursor: string | null = null): Promise<void> {
    return submit(filters, [category, from, to], filterFeedback, () => load(cursor));
  }

  function row(d: DocumentView): HTMLElement {
    const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' });
    const card = h('li', { class: 'fr-card fr-card--horizontal fr-mb-2w', 'data-document': d.id },
      h('div', { class: 'fr-card__body' },
        h('div', { class: 'fr-card__content' },
          h('h2', { class: 'fr-card__title fr-h6' }, d.titre),
          h('p', { class: 'fr-card__desc' }, `${CATEGORIES.find(c => c[0] === d.categorie)?.[1] ?? d.categorie} — soins du ${frenchDate(d.dateSoins)} — `
            + (d.auteur.type !== 'PATIENT' ? `déposé par ${d.auteur.nom ?? 'un professionnel'}`
              : `ajouté par ${d.auteur.nom ?? helped?.nom ?? 'vous'}`)),
          h('div', { class: 'fr-card__start' }, h('ul', { class: 'fr-badges-group' },
            h('li', {}, h('p', { class: `fr-badge fr-badge--sm ${d.statut === 'AVAILABLE' ? 'fr-badge--success' : d.statut === 'REJECTED' ? 'fr-badge--error' : 'fr-badge--info'}` },
              STATUS[d.statut] ?? d.statut)),
            d.masqueParLePatient ? h('li', {}, h('p', { class: 'fr-badge fr-badge--sm' }, 'Masqué aux professionnels')) : null)),
          d.motifRejet ? h('p', { class: 'fr-text--sm' }, `Motif du refus : ${d.motifRejet}`) : null),
        h('div', { class: 'fr-card__footer' }, actions)));
    if (d.statut === 'AVAILABLE') {
      actions.append(h('li', {}, button('Télécharger', () => void download(d), 'secondary', { 'aria-label': `Télécharger ${d.titre}` })));
    }
    if (d.statut === 'AVAILABLE' && !helped) {
      actions.append(
        h('li', {}, button(d.masqueParLePatient ? 'Ne plus masquer' : 'Masquer aux professionnels', () => void hide(d), 'secondary',
          { 'aria-label': `${d.masqueParLePatient ? 'Ne plus masquer' : 'Masquer aux professionnels'} : ${d.titre}` })),
        h('li', {}, button('Supprimer', () => confirmDelete(d, card), 'tertiary', { 'aria-label': `Supprimer ${d.titre}` })));
    }
    return card;
  }

  async function download(d: DocumentView): Promise<void> {
    try {
      const link = await api<{ url: string }>('GET', `/espace/documents/${d.id}/telechargement`);
      window.location.assign(link.url);
    } catch (e) {
      feedback.replaceChildren(alert('error', (e as ApiError).message));
    }
  }

  async function hide(d: DocumentView): Promise<void> {
    try {
      await api('PUT', `/espace/documents/${d.id}/masquage`, { masque: !d.masqueParLePatient });
      feedback.replaceChildren(alert('success', d.masqueParLePatient ? `« ${d.titre} » est de nouveau visible des professionnels autorisés.`
        : `« ${d.titre} » est masqué aux professionnels (son auteur et votre médecin traitant le voient encore).`));
      await refresh(cursors[cursors.length - 1]);
    } catch (e) {
      feedback.replaceChildren(alert('error', (e as ApiError).message));
    }
  }

  function confirmDelete(d: DocumentView, card: HTMLElement): void {
    const panel = h('div', { class: 'fr-alert fr-alert--warning fr-mt-2w', role: 'alertdialog', 'aria-labelledby': `suppr-${d.id}` },
      h('h3', { class: 'fr-alert__title', id: `suppr-${d.id}` }, `Supprimer « ${d.titre} » ?`),
      h('p', {}, 'Le document sera effacé de votre espace. Cette action est définitive.'),
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w' },
        h('li', {}, button('Confirmer la suppression', async () => {
          try {
            await api('DELETE', `/espace/documents/${d.id}`);
            feedback.replaceChildren(alert('success', `« ${d.titre} » a été supprimé.`));
            await refresh(null);
          } catch (e) {
            feedback.replaceChildren(alert('error', (e as ApiError).message));
          }
        })),
        h('li', {}, button('Annuler', () => { panel.remove(); }, 'secondary'))));
    card.querySelector('.fr-card__footer')?.append(panel);
    (panel.querySelector('button') as HTMLButtonElement).focus();
  }

  filters.addEventListener('submit', e => { e.preventDefault(); cursors.splice(1); void refresh(null); });
  main.replaceChildren(...(helped ? pageTitle(`Documents de ${helped.nom}`, 'En tant qu’aidant, vous consultez ses documents et en ajoutez pour l’aider.')
    : pageTitle('Mes documents', 'Ordonnances, résultats, comptes rendus : ce que vous et vos professionnels y déposez.')),
  feedback, upload(() => refresh(null), helped ? `l’espace de ${helped.nom}` : 'votre espace'),
  h('h2', {}, helped ? 'Liste des documents' : 'Liste de mes documents'), filters, list);
  await refresh(null);
}

/** Adding a document: declared to the API, then sent straight to the pre-signed URL, with its progress. */
function upload(done: () => Promise<void>, where: string): HTMLElement {
  const file = h('input', { type: 'file', id: 'fichier', name: 'fichier', class: 'fr-upload', accept: ACCEPTED, 'aria-describedby': 'fichier-aide' });
  const title = field('titre', 'Titre', { required: true, maxlength: 200 });
  const category = field('categorie', 'Catégorie', { choices: CATEGORIES, value: 'document-patient' });
  const date = dateField('dateSoins', 'Date des soins', { required: true, value: new Date().toISOString().slice(0, 10) });
  const progress = h('progress', { id: 'progression', max: 100, value: 0 });
  // A plain wrapper: DSFR's label styles would override a hidden attribute on the label itself.
  const sending = h('div', { hidden: true }, h('label', { for: 'progression', class: 'fr-label' }, 'Envoi du fichier'), progress);
  const feedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'fr-mb-4w' },
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, 'Ajouter un document'),
      h('div', { class: 'fr-fieldset__element' }, feedback),
      h('div', { class: 'fr-fieldset__element' }, h('div', { class: 'fr-upload-group' },
        h('label', { class: 'fr-label', for: 'fichier' }, 'Fichier',
          h('span', { class: 'fr-hint-text', id: 'fichier-aide' }, 'PDF, JPEG, PNG, texte, CDA R2 (XML) ou FHIR (JSON) ; 20 Mio au plus.')), file)),
      title.group, category.group, date.group, h('div', { class: 'fr-fieldset__element' }, sending),
      submitButton('Ajouter', 'fr-btn')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    void submit(form, [title, category, date], feedback, async () => {
      const chosen = file.files?.[0];
      if (!chosen) throw new ApiError(400, 'FICHIER_MANQUANT', 'Choisissez un fichier à ajouter.');
      const grant = await api<Grant>('POST', '/espace/documents', { categorie: category.input.value, dateSoins: isoDate(date),
        titre: title.input.value || chosen.name, typeContenu: mediaType(chosen), taille: chosen.size });
      sending.hidden = false;
      await put(grant.televersement, chosen, percent => { progress.value = percent; });
      feedback.replaceChildren(alert('info', 'Fichier envoyé : vérification en cours.'));
      const checked = await until(grant.document.id);
      feedback.replaceChildren(checked.statut === 'AVAILABLE'
        ? alert('success', `« ${checked.titre} » est disponible dans ${where}.`)
        : alert('error', `Le fichier a été refusé : ${checked.motifRejet ?? 'contenu non reconnu'}.`));
      form.reset();
      sending.hidden = true;
      await done();
    });
  });
  return form;
}

/** Browsers type an XML file text/xml and a JSON one application/json: here they are CDA R2 and FHIR. */
export function mediaType(file: File): string {
  if (/\.xml$/i.test(file.name)) return 'application/hl7-cda+xml';
  if (/\.json$/i.test(file.name)) return 'application/fhir+json';
  return file.type || 'application/octet-stream';
}

/** XMLHttpRequest for its upload progress events, which fetch does not give. */
export function put(upload: Upload, file: File, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', upload.url);
    Object.entries(upload.entetes).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = e => { if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total)); };
    // A small file may be sent without any progress event: done is 100 %.
    request.onload = () => {
      if (request.status < 200 || request.status >= 300) {
        reject(new ApiError(request.status, 'ENVOI_REFUSE', 'Le fichier n’a pas pu être envoyé : réessayez.'));
        return;
      }
      onProgress(100);
      resolve();
    };
    request.onerror = () => reject(new ApiError(0, 'ENVOI_IMPOSSIBLE', 'Le fichier n’a pas pu être envoyé : vérifiez votre connexion.'));
    request.send(file);
  });
}

async function until(id: string): Promise<DocumentView> {
  for (let i = 0; i < 30; i++) {
    const d = await api<DocumentView>('GET', `/espace/documents/${id}`);
    if (d.statut !== 'PENDING') return d;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new ApiError(0, 'VERIFICATION_LONGUE', 'La vérification prend plus de temps que prévu : le document apparaîtra dans la liste une fois vérifié.');
}
