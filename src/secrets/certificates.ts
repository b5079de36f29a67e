/**
 * A development certificate authority and the certificates it issues (the broker's, one per
 * user under mTLS), made in-process: keys by Node's own crypto, certificates by node-forge. No
 * keytool container and no OpenSSL on the host, and PEM output, which Kafka reads as key and
 * trust stores directly (no store passwords).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { createRequire } from 'node:module';
import type Forge from 'node-forge';

/** node-forge (about 40 ms to load) only once a secured stack needs a certificate. */
let loadedForge: typeof Forge | undefined;
const forge = (): typeof Forge => (loadedForge ??= createRequire(import.meta.url)('node-forge') as typeof Forge);

const day = 24 * 60 * 60 * 1000;
/** The CA outlives many broker certificates; `up` renews either well before it expires. */
export const validityDays = { authority: 3650, leaf: 825 } as const;

export interface PemPair {
  readonly certificate: string;
  /** Unencrypted PKCS#8. */
  readonly key: string;
}

export interface LeafRequest {
  readonly commonName: string;
  /** Subject alternative names: host names and IP addresses the certificate is valid for. */
  readonly names?: readonly string[];
  readonly usage: 'server-and-client' | 'client';
}

export function createAuthority(project: string): PemPair {
  const { key, publicKey } = newKeys();
  const certificate = newCertificate(publicKey, validityDays.authority);
  const subject = [{ name: 'commonName', value: `kafka-dev development CA (${project})` }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forge().pki.privateKeyFromPem(key), forge().md.sha256.create());
  return { certificate: forge().pki.certificateToPem(certificate), key };
}

export function issueCertificate(authority: PemPair, request: LeafRequest): PemPair {
  const issuer = forge().pki.certificateFromPem(authority.certificate);
  const { key, publicKey } = newKeys();
  const certificate = newCertificate(publicKey, validityDays.leaf);
  certificate.setSubject([{ name: 'commonName', value: request.commonName }]);
  certificate.setIssuer(issuer.subject.attributes);
  const names = request.names ?? [];
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: request.usage === 'server-and-client', clientAuth: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.generateSubjectKeyIdentifier().getBytes() },
    ...(names.length > 0 ? [{ name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) }] : []),
  ]);
  certificate.sign(forge().pki.privateKeyFromPem(authority.key), forge().md.sha256.create());
  return { certificate: forge().pki.certificateToPem(certificate), key };
}

/** When a PEM certificate stops being valid. */
export function expiresAt(certificatePem: string): Date {
  return forge().pki.certificateFromPem(certificatePem).validity.notAfter;
}

/** Node's native RSA key generation: node-forge's own would take seconds. */
function newKeys(): { key: string; publicKey: Forge.pki.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: forge().pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function newCertificate(publicKey: Forge.pki.PublicKey, days: number): Forge.pki.Certificate {
  const certificate = forge().pki.createCertificate();
  certificate.publicKey = publicKey;
  // A positive 16-byte serial, as RFC 5280 asks.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  // A minute back: a container whose clock runs slightly behind still accepts a certificate made just now.
  certificate.validity.notBefore = new Date(Date.now() - 60 * 1000);
  certificate.validity.notAfter = new Date(Date.now() + days * day);
  return certificate;
}
