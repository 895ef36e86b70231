import { publicApi } from '../api';
import { h } from '../dom';
import { alert, field, pageTitle, submit, submitButton, identityFields } from '../ui';

export function home(main: HTMLElement, signIn: () => void, operator: () => void): void {
  main.replaceChildren(
    ...pageTitle('Votre espace santé', 'Un espace personnel et sécurisé pour conserver vos documents de santé et les partager avec les professionnels qui vous soignent.'),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' },
        h('h2', {}, 'Comment votre espace est créé'),
        h('p', {}, 'Chaque assuré reçoit un courriel ou un courrier avec un code personnel. Sans opposition de votre part dans les six semaines, votre espace est créé automatiquement : les professionnels que vous autorisez peuvent alors y déposer vos documents.'),
        h('p', {}, 'Vous pouvez l’activer à tout moment pour choisir qui y a accès, consulter vos documents et l’historique de chaque accès.')),
      h('div', { class: 'fr-col-12 fr-col-md-6' },
        h('h2', {}, 'Vous ne souhaitez pas d’espace santé ?'),
        h('p', {}, 'Vous pouvez vous opposer à sa création avec le code reçu, ou en justifiant de votre identité, même avant d’avoir été prévenu.'),
        h('a', { class: 'fr-btn fr-btn--secondary', href: '#/opposition' }, 'Je m’oppose à la création'))),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-4w' },
      h('li', {}, h('button', { type: 'button', class: 'fr-btn', onclick: signIn }, 'Accéder à mon espace santé')),
      h('li', {}, h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary', onclick: operator }, 'Espace opérateur'))));
}

interface Receipt { reference: string; message: string; confirmationParEmail: boolean }

export function objection(main: HTMLElement): void {
  const result = h('div', { 'aria-live': 'polite' });
  const code = field('code', 'Code reçu par courriel ou courrier', { hint: 'Dix caractères, par exemple ABCDE-FGHJK', required: true, autocomplete: 'one-time-code' });
  const codeFeedback = h('div');
  const byCode = h('form', { novalidate: true },
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, 'Avec votre code'),
      h('div', { class: 'fr-fieldset__element' }, codeFeedback), code.group,
      submitButton('Enregistrer mon opposition', 'fr-btn')));
  byCode.addEventListener('submit', e => {
    e.preventDefault();
    void submit(byCode, [code], codeFeedback, async () => {
      show(await publicApi<Receipt>('POST', '/opposition/code', { code: code.input.value }));
    });
  });
  const identity = identityFields();
  const identityFeedback = h('div');
  const byIdentity = h('form', { novalidate: true },
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, 'Avec votre identité'),
      h('div', { class: 'fr-fieldset__element' }, identityFeedback), identity.groups,
      submitButton('Enregistrer mon opposition', 'fr-btn')));
  byIdentity.addEventListener('submit', e => {
    e.preventDefault();
    void submit(byIdentity, identity.fields, identityFeedback, async () => {
      show(await publicApi<Receipt>('POST', '/opposition/identite', identity.values()));
    });
  });
  function show(receipt: Receipt): void {
    result.replaceChildren(alert('success', `${receipt.message} Référence : ${receipt.reference}.`, 'Opposition enregistrée'));
    result.querySelector('div')?.setAttribute('tabindex', '-1');
    (result.querySelector('div') as HTMLElement | null)?.focus();
  }
  main.replaceChildren(
    ...pageTitle('M’opposer à la création de mon espace santé',
      'Votre opposition est définitive pour cette campagne : aucun espace ne sera créé automatiquement pour vous.'),
    result,
    h('div', { class: 'fr-callout fr-mb-4w' },
      h('p', { class: 'fr-callout__text' }, 'Pour votre sécurité, les essais sont limités : 5 essais par code et par personne chaque jour, 20 par connexion chaque heure. Au-delà, le service vous indique l’heure à laquelle réessayer.')),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' }, byCode),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, byIdentity)));
}
