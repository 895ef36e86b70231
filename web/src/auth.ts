import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Issuer, WebConfig } from './config';

/** Who signs in: a citizen (FranceConnect through Cognito in production) or an operator. */
export type Population = 'citizen' | 'admin';

const PENDING = 'espace.connexion';
const managers = new Map<Population, UserManager>();

/**
 * Authorization code + PKCE. Tokens and the login state live in sessionStorage only (never
 * localStorage): they die with the tab.
 */
export function configure(config: WebConfig): void {
  for (const population of ['citizen', 'admin'] as Population[]) {
    const issuer: Issuer = config[population];
    managers.set(population, new UserManager({
      authority: issuer.authority,
      client_id: issuer.clientId,
      redirect_uri: `${window.location.origin}/`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      response_type: 'code',
      scope: issuer.scope,
      loadUserInfo: false,
      automaticSilentRenew: false,
      userStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: `oidc.${population}.` }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: `oidc.state.${population}.` }),
    }));
  }
}

function manager(population: Population): UserManager {
  const found = managers.get(population);
  if (!found) throw new Error('authentification non configurée');
  return found;
}

export async function login(population: Population, returnTo: string): Promise<void> {
  window.sessionStorage.setItem(PENDING, population);
  await manager(population).signinRedirect({ state: { retour: returnTo } });
}

/** Back from the identity provider (?code=…&state=…): the hash to show next, or null. */
export async function completeLogin(): Promise<string | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  const population = (window.sessionStorage.getItem(PENDING) as Population | null) ?? 'citizen';
  window.sessionStorage.removeItem(PENDING);
  try {
    const user = await manager(population).signinRedirectCallback();
    const state = user.state as { retour?: string } | undefined;
    return state?.retour ?? (population === 'admin' ? '#/operateur' : '#/tableau-de-bord');
  } finally {
    window.history.replaceState(null, '', `/${window.location.hash}`);
  }
}

export async function currentUser(population: Population): Promise<User | null> {
  const user = await manager(population).getUser();
  return user && !user.expired ? user : null;
}

export async function logout(population: Population): Promise<void> {
  await manager(population).removeUser();
  window.sessionStorage.removeItem('espace.enfant');
  window.sessionStorage.removeItem('espace.aide');
}
