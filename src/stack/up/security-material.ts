/**
 * The `up` step that makes a secured stack's certificates, passwords and broker files before any
 * container starts (they are mounted into every Kafka container), reusing what an earlier `up` made.
 */
import { plural } from '../../base/plural.js';
import { ensureStackMaterial } from '../../secrets/material.js';
import type { UpContext } from './context.js';

export async function prepareSecurityMaterial({ config, model }: UpContext): Promise<string> {
  const material = await ensureStackMaterial(config, model);
  if (!material) return 'nothing to secure';
  const { outside, inside, sasl } = config.security;
  // A generated password is said this once; `kafka-dev env` prints it again on request.
  const generated = material.generatedPasswords.map(({ name, password }) => `; generated password of user '${name}': ${password}`).join('');
  return `OUTSIDE ${outside}, INSIDE ${inside}, SASL ${sasl.mechanism}, ${plural(material.users.length, 'user')}${generated}`;
}
