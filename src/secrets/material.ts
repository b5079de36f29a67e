/**
 * The security material of a stack on disk: made on the first `up` (or `render`), reused after,
 * renewed where it no longer fits. The folder (`security.directory`) holds the development CA,
 * kafka-dev's and the generated users' passwords, the users' client certificates, and in
 * `broker/` what every Kafka container mounts read-only. What the files say is decided in
 * `model/security-files.ts`; this module only writes and reads them.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KafkaDevError } from '../base/errors.js';
import { quoteText, shortText } from '../base/text.js';
import { clientSettings, type ClientIdentity, type ClientSettings, type ClientTlsFiles } from '../model/client-settings.js';
import { loadFlavor, type Flavor } from '../model/flavor.js';
import { brokerSecretFiles, type KafkaNodeEnvironment } from '../model/security-files.js';
import { secretFiles } from '../model/security-settings.js';
import { adminUserName, anyTls, brokerCertificateName, brokerCertificateNames, isSecured, mountedFolder } from '../model/security.js';
import type { StackModel } from '../model/stack.js';
import type { ResolvedConfig } from '../model/types.js';
import { createAuthority, expiresAt, issueCertificate, type PemPair } from './certificates.js';

export interface UserMaterial {
  readonly name: string;
  readonly password: string;
  /** With mTLS: the user's client certificate and key. */
  readonly certFile?: string;
  readonly keyFile?: string;
}

export interface SecurityMaterial {
  readonly directory: string;
  /** The development CA's certificate (absolute path), which clients trust. */
  readonly caFile: string;
  readonly admin: ClientIdentity;
  readonly users: readonly UserMaterial[];
  /** Users whose password this call generated: say it once, then never again. */
  readonly generatedPasswords: readonly { readonly name: string; readonly password: string }[];
}

const stateSchema = z.object({
  adminPassword: z.string(),
  /** Generated passwords by user name. */
  passwords: z.record(z.string(), z.string()),
  /** The names the broker certificate was issued for. */
  brokerNames: z.array(z.string()),
});
type State = z.infer<typeof stateSchema>;

const stateFile = 'state.json';
const authorityFiles = { certificate: 'ca.pem', key: 'ca-key.pem' } as const;
/** A certificate this close to its end is issued again. */
const renewBeforeMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Makes or refreshes a secured stack's material and returns how clients use it; undefined for an
 * all-PLAINTEXT stack. `kafkaServices` are the model's Kafka nodes (their environment goes into
 * the KRaft format files).
 */
export async function ensureSecurityMaterial(
  config: ResolvedConfig,
  flavor: Flavor,
  kafkaServices: readonly KafkaNodeEnvironment[],
): Promise<SecurityMaterial | undefined> {
  const { security } = config;
  if (!isSecured(security)) return undefined;
  const directory = security.directory;
  const brokerDir = mountedFolder(directory);
  // The folder holds keys and passwords; the mounted part must be readable by the containers' own user.
  await mkdir(brokerDir, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o711);
  await chmod(brokerDir, 0o755);

  const previous = await readState(directory);
  const generatedPasswords: { name: string; password: string }[] = [];
  const passwords: Record<string, string> = {};
  for (const user of security.users) {
    if (user.password !== undefined) continue;
    const known = previous?.passwords[user.name];
    passwords[user.name] = known ?? newPassword();
    if (!known) generatedPasswords.push({ name: user.name, password: passwords[user.name]! });
  }
  const brokerNames = brokerCertificateNames(config);
  const state: State = { adminPassword: previous?.adminPassword ?? newPassword(), passwords, brokerNames };
  const users = security.users.map(({ name, password }) => ({ name, password: password ?? passwords[name]! }));

  let tls: { caCertificate: string; brokerKeyStore: string } | undefined;
  if (anyTls(security)) {
    const authority = await authorityIn(directory, config.name);
    const names = previous?.brokerNames.join(',') === brokerNames.join(',') ? undefined : brokerNames;
    const keyStore = await leafIn(brokerDir, secretFiles.brokerKeyStore, authority, names !== undefined, {
      commonName: brokerCertificateName,
      names: brokerNames,
      usage: 'server-and-client',
    });
    tls = { caCertificate: authority.certificate, brokerKeyStore: keyStore };
    if (security.tls.clientAuth === 'required') {
      await mkdir(join(directory, 'users'), { recursive: true, mode: 0o700 });
      // kafka-dev's own clients present a certificate too, or mTLS would lock them out.
      for (const name of [adminUserName, ...users.map((user) => user.name)]) await clientCertificate(directory, authority, name);
    }
  }

  const files = brokerSecretFiles(security, config.mode, flavor, kafkaServices, { adminPassword: state.adminPassword, users }, tls);
  await writeFolder(brokerDir, files);
  await writeFile(join(directory, stateFile), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });

  return materialOf(config, state, generatedPasswords);
}

/**
 * Deletes a stack's security folder (what `down --volumes` does with the data: the passwords and
 * certificates belonged to it), and the stack's state folder above it when nothing else is left
 * there. Returns the folder when there was one.
 */
export async function forgetSecurityMaterial(directory: string): Promise<string | undefined> {
  const existed = await readdir(directory).then(() => true, () => false);
  await rm(directory, { recursive: true, force: true });
  await rmdir(dirname(directory)).catch(() => undefined);
  return existed ? directory : undefined;
}

/** `ensureSecurityMaterial` for a stack model: its Kafka nodes and its image flavor. */
export function ensureStackMaterial(config: ResolvedConfig, model: StackModel): Promise<SecurityMaterial | undefined> {
  const kafkaNodes = model.services.filter((service) => service.node !== undefined);
  return ensureSecurityMaterial(config, loadFlavor(config.images.flavor), kafkaNodes);
}

/**
 * Copies what Kafka containers mount into `destination` (a rendered compose file's own folder
 * for it), with a `.gitignore` that keeps the whole folder out of git: it holds keys and passwords.
 */
export async function copyMountedFiles(material: SecurityMaterial, destination: string): Promise<void> {
  const source = mountedFolder(material.directory);
  const files: Record<string, string> = { '.gitignore': '# Written by kafka-dev: keys and passwords, never commit them.\n*\n' };
  for (const name of await readdir(source)) files[name] = await readFile(join(source, name), 'utf8');
  await mkdir(destination, { recursive: true, mode: 0o755 });
  await writeFolder(destination, files);
}

/**
 * The material an earlier `up` made, for commands that only connect (status, topic, env, …);
 * undefined for an all-PLAINTEXT stack. Throws when a secured stack has none yet.
 */
export async function readSecurityMaterial(config: ResolvedConfig): Promise<SecurityMaterial | undefined> {
  if (!isSecured(config.security)) return undefined;
  const state = await readState(config.security.directory);
  if (!state) {
    throw new KafkaDevError(`The secured stack ${quoteText(config.name)} has no security material in ${shortText(config.security.directory)} yet`, {
      hint: 'Run kafka-dev up: it makes the certificates and passwords the clients need.',
    });
  }
  return materialOf(config, state, []);
}

/** How kafka-dev's own clients (admin, readiness, smoke check) reach one listener: as kafka-dev's user. */
export function adminClientSettings(config: ResolvedConfig, material: SecurityMaterial | undefined, listener: 'outside' | 'inside'): ClientSettings {
  const mtls = config.security.tls.clientAuth === 'required';
  return clientSettings(config, listener, material?.admin, material && { caFile: material.caFile, ...(mtls && clientCertificateFiles(material.directory, adminUserName)) });
}

function materialOf(config: ResolvedConfig, state: State, generatedPasswords: SecurityMaterial['generatedPasswords']): SecurityMaterial {
  const { directory, users, tls } = config.security;
  const mtls = anyTls(config.security) && tls.clientAuth === 'required';
  return {
    directory,
    caFile: join(directory, authorityFiles.certificate),
    admin: { username: adminUserName, password: state.adminPassword, mechanism: 'PLAIN' },
    users: users.map(({ name, password }) => ({
      name,
      password: password ?? state.passwords[name] ?? '',
      ...(mtls && clientCertificateFiles(directory, name)),
    })),
    generatedPasswords,
  };
}

const clientCertificateFiles = (directory: string, name: string) => ({
  certFile: join(directory, 'users', `${name}.pem`),
  keyFile: join(directory, 'users', `${name}-key.pem`),
});

/** Where a host client finds the TLS files of `user` (the CA; with mTLS the user's certificate and key). */
export function hostTlsFiles(material: SecurityMaterial, user?: string): ClientTlsFiles {
  const entry = material.users.find((candidate) => candidate.name === user);
  return { caFile: material.caFile, ...(entry?.certFile && { certFile: entry.certFile, keyFile: entry.keyFile }) };
}

async function readState(directory: string): Promise<State | undefined> {
  try {
    return stateSchema.parse(JSON.parse(await readFile(join(directory, stateFile), 'utf8')));
  } catch {
    // Missing or unreadable: everything is made afresh, as on a first up.
    return undefined;
  }
}

async function authorityIn(directory: string, project: string): Promise<PemPair> {
  const certificateFile = join(directory, authorityFiles.certificate);
  const keyFile = join(directory, authorityFiles.key);
  const existing = await readPair(certificateFile, keyFile);
  if (existing && !expiresSoon(existing.certificate)) return existing;
  const authority = createAuthority(project);
  await writeFile(keyFile, authority.key, { mode: 0o600 });
  await writeFile(certificateFile, authority.certificate, { mode: 0o644 });
  return authority;
}

/** A PEM key store (key, certificate, CA): reused unless missing, expiring, from another CA, or for other names. */
async function leafIn(
  directory: string,
  file: string,
  authority: PemPair,
  namesChanged: boolean,
  request: Parameters<typeof issueCertificate>[1],
): Promise<string> {
  const path = join(directory, file);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing && !namesChanged && existing.endsWith(authority.certificate) && !expiresSoon(existing.slice(existing.indexOf('-----BEGIN CERTIFICATE-----')))) {
    return existing;
  }
  const leaf = issueCertificate(authority, request);
  return `${leaf.key}${leaf.certificate}${authority.certificate}`;
}

async function clientCertificate(directory: string, authority: PemPair, name: string): Promise<void> {
  const { certFile, keyFile } = clientCertificateFiles(directory, name);
  const existing = await readPair(certFile, keyFile);
  if (!existing || expiresSoon(existing.certificate) || !existing.certificate.endsWith(authority.certificate)) {
    const leaf = issueCertificate(authority, { commonName: name, usage: 'client' });
    await writeFile(keyFile, leaf.key, { mode: 0o600 });
    await writeFile(certFile, `${leaf.certificate}${authority.certificate}`, { mode: 0o644 });
  }
}

async function readPair(certificateFile: string, keyFile: string): Promise<PemPair | undefined> {
  try {
    return { certificate: await readFile(certificateFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch {
    return undefined;
  }
}

const expiresSoon = (certificatePem: string): boolean => expiresAt(certificatePem).getTime() - Date.now() < renewBeforeMs;

/** 24 random characters of base64url: nothing a JAAS file or a properties file has to escape. */
const newPassword = (): string => randomBytes(18).toString('base64url');

/** Writes the mounted folder as the model says, removing what it no longer lists (a start script after SCRAM was dropped). */
async function writeFolder(directory: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const name of await readdir(directory)) {
    if (!(name in files)) await rm(join(directory, name), { force: true });
  }
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(directory, name), content, { mode: 0o644 });
    await chmod(join(directory, name), 0o644);
  }
}
