import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { saslScramSha } from '@platformatic/kafka';
import { saltedPassword, scramCredential, scramIterations, type ScramCredential } from '../../../src/kafka/scram-credential.js';
import type { ScramMechanismName } from '../../../src/kafka/scram-plan.js';

const digestOf = { 'SCRAM-SHA-256': 'sha256', 'SCRAM-SHA-512': 'sha512' } as const;
const hmac = (mechanism: ScramMechanismName, key: Buffer, data: string) => createHmac(digestOf[mechanism], key).update(data).digest();
const hash = (mechanism: ScramMechanismName, data: Buffer) => createHash(digestOf[mechanism]).update(data).digest();
const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, index) => byte ^ b[index]!));

/** What a broker keeps of a credential (RFC 5802): StoredKey and ServerKey, from the salted password. */
function storedKeys(credential: ScramCredential) {
  const clientKey = hmac(credential.mechanism, credential.saltedPassword, 'Client Key');
  return { storedKey: hash(credential.mechanism, clientKey), serverKey: hmac(credential.mechanism, credential.saltedPassword, 'Server Key') };
}

/** A broker's side of one SCRAM exchange over a stored credential, as the client library's `authenticate` talks to it. */
function scramServer(credential: ScramCredential, serverNonce = 'server-nonce') {
  const { storedKey, serverKey } = storedKeys(credential);
  let clientFirstBare = '';
  let serverFirst = '';
  return (_connection: unknown, payload: Buffer, callback: (error: Error | null, response?: { authBytes: Buffer }) => void) => {
    const message = payload.toString('utf8');
    if (message.startsWith('n,,')) {
      clientFirstBare = message.slice(3);
      const nonce = /r=([^,]*)/.exec(clientFirstBare)![1];
      serverFirst = `r=${nonce}${serverNonce},s=${credential.salt.toString('base64')},i=${credential.iterations}`;
      return callback(null, { authBytes: Buffer.from(serverFirst) });
    }
    const withoutProof = message.slice(0, message.lastIndexOf(',p='));
    const proof = Buffer.from(message.slice(message.lastIndexOf(',p=') + 3), 'base64');
    const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
    const clientKey = xor(proof, hmac(credential.mechanism, storedKey, authMessage));
    const hashed = hash(credential.mechanism, clientKey);
    if (hashed.length !== storedKey.length || !timingSafeEqual(hashed, storedKey)) return callback(null, { authBytes: Buffer.from('e=invalid-proof') });
    return callback(null, { authBytes: Buffer.from(`v=${hmac(credential.mechanism, serverKey, authMessage).toString('base64')}`) });
  };
}

const clientAlgorithm = { 'SCRAM-SHA-256': 'SHA-256', 'SCRAM-SHA-512': 'SHA-512' } as const;
const login = (credential: ScramCredential, password: string) =>
  saslScramSha.authenticate(scramServer(credential) as never, {} as never, clientAlgorithm[credential.mechanism], 'app', password);

describe('SCRAM credential', () => {
  it('matches the SCRAM-SHA-256 exchange of RFC 7677', () => {
    const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
    const credential = { mechanism: 'SCRAM-SHA-256', iterations: 4096, salt, saltedPassword: saltedPassword('SCRAM-SHA-256', 'pencil', salt, 4096) } as const;
    const { storedKey, serverKey } = storedKeys(credential);
    const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
    const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;
    const clientKey = hmac('SCRAM-SHA-256', credential.saltedPassword, 'Client Key');
    expect(hash('SCRAM-SHA-256', clientKey)).toEqual(storedKey);
    expect(xor(clientKey, hmac('SCRAM-SHA-256', storedKey, authMessage)).toString('base64')).toBe('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=');
    expect(hmac('SCRAM-SHA-256', serverKey, authMessage).toString('base64')).toBe('6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  });

  it('uses Kafka\'s 4096 iterations, a fresh salt each time, and the hash\'s length', () => {
    const first = scramCredential('SCRAM-SHA-512', 'secret');
    const second = scramCredential('SCRAM-SHA-512', 'secret');
    expect(first.iterations).toBe(scramIterations);
    expect(scramIterations).toBe(4096);
    expect(first.salt.equals(second.salt)).toBe(false);
    expect(first.saltedPassword).toHaveLength(64);
    expect(scramCredential('SCRAM-SHA-256', 'secret').saltedPassword).toHaveLength(32);
  });

  it('for any password and mechanism, the client library logs in with that password and is refused with another', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<ScramMechanismName>('SCRAM-SHA-256', 'SCRAM-SHA-512'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), fc.string({ minLength: 1, maxLength: 8 }), async (mechanism, password, other) => {
          const credential = scramCredential(mechanism, password);
          await expect(login(credential, password)).resolves.toBeDefined();
          await expect(login(credential, `${password}${other}`)).rejects.toThrow(/invalid-proof/);
        }),
      { numRuns: 20 },
    );
  });
});
