/** Where the identity providers are: read at start-up from /config.json (written by the deployment). */
export interface Issuer {
  authority: string;
  clientId: string;
  scope: string;
}

export interface WebConfig {
  citizen: Issuer;
  admin: Issuer;
}

export async function loadConfig(): Promise<WebConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error('configuration absente');
  return (await response.json()) as WebConfig;
}
