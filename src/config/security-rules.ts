/**
 * Rules about `security` that need the rest of the config: the image's Kafka version, the names
 * the broker certificate must carry, and whether anything authenticates the users ACLs name.
 */
import { isIP } from 'node:net';
import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { parseImageReference } from '../model/image-reference.js';
import { anySasl, anyTls, authorizerOn, brokerCertificateNames, isScram } from '../model/security.js';
import type { ResolvedConfig } from '../model/types.js';

export function securityIssues(config: ResolvedConfig): ConfigIssue[] {
  const { security } = config;
  const issues: ConfigIssue[] = [];
  if (security.tls.clientAuth === 'required' && !anyTls(security)) {
    issues.push({
      path: 'security.tls.clientAuth',
      message: "got 'required', but no listener speaks TLS; expected 'SSL' or 'SASL_SSL' in security.outside or security.inside",
    });
  }
  if (authorizerOn(security) && !anySasl(security) && !(anyTls(security) && security.tls.clientAuth === 'required')) {
    issues.push({
      path: 'security.acls',
      message:
        "got ACLs, but no listener tells users apart (every connection would be ANONYMOUS); expected a SASL protocol ('SASL_SSL' or 'SASL_PLAINTEXT') or tls.clientAuth 'required'",
    });
  }
  if (anySasl(security) && isScram(security.sasl.mechanism) && config.mode === 'kraft') {
    const version = kafkaVersionOf(config.images.kafka, config.images.flavor);
    if (version && (version.major < 3 || (version.major === 3 && version.minor < 5))) {
      issues.push({
        path: 'security.sasl.mechanism',
        message: `got ${quoteText(security.sasl.mechanism)}, but ${quoteText(config.images.kafka)} runs Kafka ${version.major}.${version.minor}, which cannot create SCRAM users in KRaft mode (Kafka 3.5+ can); expected 'PLAIN', or a newer image`,
      });
    }
  }
  if (anyTls(security)) issues.push(...certificateNameIssues(config));
  return issues;
}

/** A certificate's DNS names are labels of at most 63 characters; a longer one cannot be put in the broker's certificate. */
function certificateNameIssues(config: ResolvedConfig): ConfigIssue[] {
  const unfit = brokerCertificateNames(config).filter((name) => isIP(name) === 0 && name.split('.').some((label) => label.length === 0 || label.length > 63));
  return unfit.map((name) => ({
    path: 'listeners.outside.host',
    message: `got ${quoteText(name)}, which a TLS certificate cannot name (each part between dots must be 1 to 63 characters); expected a shorter host name for the TLS listener`,
  }));
}

/** Kafka's version from the tag: apache/kafka's tag is it; Confluent Platform 7.x is Kafka 3.x and 8.x Kafka 4.x, same minor. */
function kafkaVersionOf(image: string, flavor: string): { major: number; minor: number } | undefined {
  const parsed = parseImageReference(image);
  const match = parsed.ok ? /^(\d+)\.(\d+)/.exec(parsed.reference.tag ?? '') : null;
  if (!match) return undefined;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (flavor === 'apache') return { major, minor };
  return flavor === 'confluent' && major >= 7 ? { major: major - 4, minor } : undefined;
}
