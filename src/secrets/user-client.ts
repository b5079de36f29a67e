import { existsSync } from 'node:fs';
import { InvalidArgumentsError, KafkaDevError } from '../base/errors.js';
import { quoteText, shortText } from '../base/text.js';
import { clientSettings, type ClientSettings, type ClientTlsFiles } from '../model/client-settings.js';
import { secretFiles, secretsMount } from '../model/security-settings.js';
import { usesSasl, usesTls } from '../model/security.js';
import type { ResolvedConfig } from '../model/types.js';
import { hostTlsFiles, type SecurityMaterial } from './material.js';

/**
 * A user's way into the stack (`env`, `produce --user`, the smoke check's refusals): the
 * listener's client settings with the user's password and, under mTLS, its certificate. Without
 * a name, the first user of `security.users`; a name the config does not list is refused as the
 * `--user` of `command`.
 */
export function userClientSettings(
  config: ResolvedConfig,
  material: SecurityMaterial | undefined,
  listener: 'outside' | 'inside',
  user: string | undefined,
  command = 'env',
): ClientSettings {
  const chosen = chosenUser(config, user, command);
  const { sasl } = config.security;
  const protocol = config.security[listener];
  const kept = material?.users.find((candidate) => candidate.name === chosen.name);
  const identity = usesSasl(protocol) && kept ? { username: kept.name, password: kept.password, mechanism: sasl.mechanism } : undefined;
  if (listener === 'inside' && usesTls(protocol) && config.security.tls.clientAuth === 'required') {
    throw new InvalidArgumentsError(command, [
      {
        path: '--inside',
        message: "got a stack whose INSIDE needs client certificates (security.tls.clientAuth 'required'), which kafka-dev places on the host only; expected env without --inside, whose certificate files a container can mount",
      },
    ]);
  }
  return clientSettings(config, listener, identity, material && usesTls(protocol) ? tlsFiles(material, listener, chosen.name) : undefined);
}

/** The user of `security.users` named by `--user` (default the first), or a refusal naming the flag. */
export function chosenUser(config: Pick<ResolvedConfig, 'security'>, user: string | undefined, command: string): { readonly name: string } {
  const { users } = config.security;
  const chosen = user === undefined ? users[0] : users.find((candidate) => candidate.name === user);
  if (chosen) return chosen;
  const names = users.map((candidate) => quoteText(candidate.name)).join(', ');
  throw new InvalidArgumentsError(command, [{ path: '--user', message: `got ${quoteText(user ?? '')}; expected one of the users in security.users (${names})` }]);
}

/** On the host, the files `up` keeps; in a container, the folder every Kafka container mounts. */
function tlsFiles(material: SecurityMaterial, listener: 'outside' | 'inside', user: string): ClientTlsFiles {
  return listener === 'outside' ? hostTlsFiles(material, user) : { caFile: `${secretsMount}/${secretFiles.ca}` };
}

/** Host settings whose files are all there: `env` never prints a path that does not exist. */
export function withExistingFiles(settings: ClientSettings): ClientSettings {
  for (const file of Object.values(settings.tls ?? {})) {
    if (!existsSync(file)) {
      throw new KafkaDevError(`The stack's TLS file ${shortText(file)} does not exist`, { hint: 'Run kafka-dev up: it makes the CA and the certificates again.' });
    }
  }
  return settings;
}
