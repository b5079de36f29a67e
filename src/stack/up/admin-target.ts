/** How `up` itself reaches the cluster from the host: the OUTSIDE bootstrap list, or kafka-dev's own login on a secured OUTSIDE. */
import type { KafkaTarget } from '../../kafka/client-options.js';
import { isSecured } from '../../model/security.js';
import { adminClientSettings, readSecurityMaterial } from '../../secrets/material.js';
import type { UpContext } from './context.js';

export async function adminTarget({ config, bootstrap }: Pick<UpContext, 'config' | 'bootstrap'>): Promise<KafkaTarget> {
  if (!isSecured(config.security)) return bootstrap.host;
  return adminClientSettings(config, await readSecurityMaterial(config), 'outside');
}
