/** Field shapes several parts of the config schema share. */
import { isIP } from 'node:net';
import { z } from 'zod';

export const port = z
  .number({ error: 'expected a port number' })
  .int({ error: 'expected a whole number' })
  .min(1, { error: 'expected a port from 1 to 65535' })
  .max(65535, { error: 'expected a port from 1 to 65535' });

export const bindAddress = z.string().refine((value) => isIP(value) !== 0, {
  error: 'expected an IP address such as 127.0.0.1 (0.0.0.0 publishes on every interface)',
});

/** What Docker's DNS resolves on a compose network: one label of lower-case letters, digits and '-'. */
export const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
