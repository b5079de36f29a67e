/**
 * Docker image references (`[domain[:port]/]path[:tag][@digest]`) read the way Docker reads them:
 * a port of distribution/reference (regexp.go, normalize.go, reference.go) and of go-digest's
 * validation. The npm ports of it backtrack exponentially on inputs such as `aaaa…!`; these
 * patterns keep every separator non-empty, as the Go grammar does, so matching stays linear.
 */
export interface ImageReference {
  /** Registry host, `docker.io` when the reference names none. */
  readonly domain: string;
  /** Repository path, `library/` added for Docker Hub's official images: `library/zookeeper`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ReferenceParse = { readonly ok: true; readonly reference: ImageReference } | { readonly ok: false; readonly problem: string };

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6Address})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const name = `(?:${domainAndPort}/)?${remoteName}`;

const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const namePattern = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const remoteNamePattern = new RegExp(`^${remoteName}$`);
const identifierPattern = /^[a-f0-9]{64}$/;
const bareDigestPattern = new RegExp(`^${digest}$`);

/** go-digest's registered algorithms and the length of their hex encoding. */
const digestLengths: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

const nameTotalLengthMax = 255;
/** Longer than any valid reference (name, 128-character tag, sha512 digest); refused before matching. */
const referenceLengthMax = nameTotalLengthMax + 1 + 128 + 1 + 7 + 128;

const defaultDomain = 'docker.io';
const legacyDefaultDomain = 'index.docker.io';
const officialRepositoryPrefix = 'library/';

/** What Docker's `ParseNormalizedNamed` accepts (what `docker pull` and Compose's `image:` take), or why not. */
export function parseImageReference(text: string): ReferenceParse {
  const refused = (problem: string): ReferenceParse => ({ ok: false, problem });
  if (text === '') return refused('is empty');
  if (text.length > referenceLengthMax) return refused(`is ${text.length} characters long, more than any image reference`);
  if (identifierPattern.test(text)) return refused('is a 64-character image id, not a reference (Docker refuses ids as repository names)');
  // Docker would read `sha256:<hex>` as an image named sha256; it is always a digest that lost its name.
  if (bareDigestPattern.test(text)) return refused('is a digest without a repository name (expected name@sha256:…)');
  const upperCase = refused('has upper-case letters in the repository name; Docker accepts lower case only');
  const match = referencePattern.exec(text);
  if (!match) return referencePattern.test(text.toLowerCase()) ? upperCase : refused('is not an image reference');
  const [, named = '', tagged, digested] = match;
  if (named.length > nameTotalLengthMax) return refused(`has a repository name of ${named.length} characters, more than Docker's ${nameTotalLengthMax}`);
  const digestProblem = digested === undefined ? undefined : checkDigest(digested);
  if (digestProblem) return refused(digestProblem);
  const [, written, path = ''] = namePattern.exec(named) ?? [];
  // normalize.go splitDockerDomain: a first component is a registry only with a '.', a ':' or as `localhost`.
  const isDomain = written !== undefined && (/[.:]/.test(written) || written === 'localhost');
  const domain = isDomain ? (written === legacyDefaultDomain ? defaultDomain : written) : defaultDomain;
  const remote = isDomain ? path : named;
  // Only a registry host may have upper case (`Z/a` has none, so Z is part of the name).
  if (!remoteNamePattern.test(remote)) return upperCase;
  return {
    ok: true,
    reference: {
      domain,
      path: domain === defaultDomain && !remote.includes('/') ? `${officialRepositoryPrefix}${remote}` : remote,
      ...(tagged !== undefined && { tag: tagged }),
      ...(digested !== undefined && { digest: digested }),
    },
  };
}

function checkDigest(text: string): string | undefined {
  const [algorithm = '', encoded = ''] = text.split(':');
  const length = digestLengths[algorithm];
  if (length === undefined) return `has a digest of algorithm '${algorithm}'; expected sha256, sha384 or sha512`;
  if (!new RegExp(`^[a-f0-9]{${length}}$`).test(encoded)) return `has a ${algorithm} digest that is not ${length} lower-case hex digits`;
  return undefined;
}
