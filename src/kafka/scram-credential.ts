/**
 * A SCRAM credential as Kafka stores it, computed on the client (Kafka's ScramFormatter does the
 * same on the broker's side): a random salt and SaltedPassword = Hi(password, salt, iterations),
 * RFC 5802's PBKDF2 with the mechanism's HMAC. Only the salted password leaves this machine.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { ScramMechanismName } from './scram-plan.js';

/** Kafka's minimum for both mechanisms; what its own tools use by default. */
export const scramIterations = 4096;

const algorithms = {
  'SCRAM-SHA-256': { digest: 'sha256', length: 32 },
  'SCRAM-SHA-512': { digest: 'sha512', length: 64 },
} as const satisfies Record<ScramMechanismName, { digest: string; length: number }>;

export interface ScramCredential {
  readonly mechanism: ScramMechanismName;
  readonly iterations: number;
  readonly salt: Buffer;
  readonly saltedPassword: Buffer;
}

/** RFC 5802 Hi(): PBKDF2 with the mechanism's HMAC, one block of the hash's length. */
export function saltedPassword(mechanism: ScramMechanismName, password: string, salt: Buffer, iterations = scramIterations): Buffer {
  const { digest, length } = algorithms[mechanism];
  // RFC 5802 asks for SASLprep; Kafka's clients and ScramFormatter send the password's UTF-8 as it is.
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, length, digest);
}

/** A new credential for the password, with a fresh random 32-byte salt. */
export function scramCredential(mechanism: ScramMechanismName, password: string, salt: Buffer = randomBytes(32)): ScramCredential {
  return { mechanism, iterations: scramIterations, salt, saltedPassword: saltedPassword(mechanism, password, salt) };
}
