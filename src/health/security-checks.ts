import { isIP } from 'node:net';
import { describeThrown } from '../base/text.js';
import { brokerNodes } from '../model/cluster.js';
import { usesSasl, usesTls } from '../model/security.js';
import { inspectListener, type ListenerSecurity } from '../kafka/listener-security.js';
import type { Check, CheckResult, DoctorContext } from './doctor-checks.js';

/**
 * `doctor` on a secured stack: what each broker's OUTSIDE listener presents before anyone logs in.
 * Its certificate must be in date and name the host clients connect to; the SASL mechanism the
 * config chose must be one the listener offers. The verdicts are pure over what was read.
 */

type Outcome = Omit<CheckResult, 'check'>;

/** What a verdict needs of a certificate: Node's X509Certificate has it. */
export interface CertificateFacts {
  readonly validTo: string;
  readonly validFrom: string;
  checkHost(name: string): string | undefined;
  checkIP(ip: string): string | undefined;
}

const expiryWarningDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/** One broker's certificate against the host its clients use, at `now`. */
export function certificateVerdict(certificate: CertificateFacts, host: string, now: Date): Outcome {
  const until = new Date(certificate.validTo);
  const from = new Date(certificate.validFrom);
  const named = isIP(host) ? certificate.checkIP(host) : certificate.checkHost(host);
  const renew = 'Run kafka-dev up: it issues the broker certificate again from its CA when the names change or it runs out.';
  if (!named) return { verdict: 'fail', detail: `does not name ${host}, the host clients connect to, so they refuse it`, fix: renew };
  if (until.getTime() <= now.getTime()) return { verdict: 'fail', detail: `expired on ${day(until)}`, fix: renew };
  if (from.getTime() > now.getTime()) return { verdict: 'fail', detail: `not valid before ${day(from)} (is the clock right?)`, fix: renew };
  const daysLeft = Math.floor((until.getTime() - now.getTime()) / dayMs);
  if (daysLeft < expiryWarningDays) return { verdict: 'warn', detail: `names ${host}; expires in ${daysLeft} days (${day(until)})`, fix: renew };
  return { verdict: 'pass', detail: `names ${host}, valid until ${day(until)}` };
}

export function mechanismVerdict(expected: string, offered: readonly string[]): Outcome {
  const listed = offered.length > 0 ? offered.join(', ') : 'none';
  return offered.includes(expected)
    ? { verdict: 'pass', detail: `${expected} offered (${listed})` }
    : {
        verdict: 'fail',
        detail: `${expected} is not offered; the listener offers ${listed}`,
        fix: 'The brokers run with settings of another config: run kafka-dev up to recreate them with security.sasl.mechanism.',
      };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

const severity = { fail: 3, warn: 2, pass: 1, skip: 0 } as const;

/** Each broker's outcome, worst verdict first, in one result. */
export function perBroker(outcomes: readonly { broker: string; outcome: Outcome }[]): Outcome {
  const worst = [...outcomes].sort((a, b) => severity[b.outcome.verdict] - severity[a.outcome.verdict])[0];
  if (!worst) return { verdict: 'skip', detail: 'no broker' };
  return {
    verdict: worst.outcome.verdict,
    detail: outcomes.map(({ broker, outcome }) => `${broker}: ${outcome.detail}`).join('; '),
    ...(worst.outcome.fix && { fix: worst.outcome.fix }),
  };
}

async function eachOutsideListener(
  { config }: DoctorContext,
  read: (listener: ListenerSecurity, host: string) => Outcome,
  ask: { tls: boolean; mechanism?: string },
): Promise<Outcome> {
  const outcomes = await Promise.all(
    brokerNodes(config).map(async ({ id, broker: { outside } }) => {
      const broker = `broker ${id} (${outside.host}:${outside.port})`;
      const outcome = await inspectListener(outside.host, outside.port, ask).then(
        (listener) => read(listener, outside.host),
        (error: unknown): Outcome => ({ verdict: 'fail', detail: `no answer: ${describeThrown(error)}`, fix: 'Run kafka-dev status and kafka-dev logs to see why the broker does not answer.' }),
      );
      return { broker, outcome };
    }),
  );
  return perBroker(outcomes);
}

export const brokerCertificate: Check = {
  name: 'TLS certificate (OUTSIDE)',
  needs: 'stack',
  appliesTo: (config) => usesTls(config.security.outside),
  async run(context) {
    const now = new Date();
    return eachOutsideListener(
      context,
      ({ certificate }, host) => (certificate ? certificateVerdict(certificate, host, now) : { verdict: 'fail', detail: 'presented no certificate' }),
      { tls: true },
    );
  },
};

export const saslMechanism: Check = {
  name: 'SASL mechanism (OUTSIDE)',
  needs: 'stack',
  appliesTo: (config) => usesSasl(config.security.outside),
  async run(context) {
    const { outside, sasl } = context.config.security;
    return eachOutsideListener(context, ({ mechanisms }) => mechanismVerdict(sasl.mechanism, mechanisms ?? []), {
      tls: usesTls(outside),
      mechanism: sasl.mechanism,
    });
  },
};

export const securityChecks: readonly Check[] = [brokerCertificate, saslMechanism];
