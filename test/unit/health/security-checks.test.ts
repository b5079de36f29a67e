import { describe, expect, it } from 'vitest';
import { certificateVerdict, mechanismVerdict, perBroker, type CertificateFacts } from '../../../src/health/security-checks.js';

/** A certificate's facts for these names and dates; matching a name is Node's X509Certificate's job, so exact names do here. */
function certificate(names: { dns?: string[]; ip?: string[] }, notBefore: Date, notAfter: Date): CertificateFacts {
  return {
    validFrom: notBefore.toUTCString(),
    validTo: notAfter.toUTCString(),
    checkHost: (name) => (names.dns?.includes(name) ? name : undefined),
    checkIP: (ip) => (names.ip?.includes(ip) ? ip : undefined),
  };
}

const now = new Date('2026-06-01T00:00:00Z');
const daysFromNow = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

describe('doctor: security checks', () => {
  it('passes a certificate that names the host and is in date', () => {
    const cert = certificate({ dns: ['localhost', 'kafka'] }, daysFromNow(-1), daysFromNow(365));
    expect(certificateVerdict(cert, 'localhost', now)).toEqual({ verdict: 'pass', detail: 'names localhost, valid until 2027-06-01' });
  });

  it('fails one that does not name the host clients connect to (SAN vs advertised host)', () => {
    const cert = certificate({ dns: ['kafka'], ip: ['127.0.0.1'] }, daysFromNow(-1), daysFromNow(365));
    expect(certificateVerdict(cert, 'localhost', now)).toMatchObject({ verdict: 'fail', detail: expect.stringContaining('does not name localhost') });
    expect(certificateVerdict(cert, '127.0.0.1', now).verdict).toBe('pass');
  });

  it('fails an expired certificate and warns about one that runs out within 30 days', () => {
    const expired = certificate({ dns: ['localhost'] }, daysFromNow(-30), daysFromNow(-1));
    expect(certificateVerdict(expired, 'localhost', now)).toMatchObject({ verdict: 'fail', detail: expect.stringMatching(/^expired on 2026-05-3/), fix: expect.stringContaining('kafka-dev up') });
    const soon = certificate({ dns: ['localhost'] }, daysFromNow(-1), daysFromNow(10));
    expect(certificateVerdict(soon, 'localhost', now)).toMatchObject({ verdict: 'warn', detail: expect.stringContaining('expires in 10 days') });
  });

  it('the mechanism must be one the listener offers', () => {
    expect(mechanismVerdict('SCRAM-SHA-512', ['PLAIN', 'SCRAM-SHA-512']).verdict).toBe('pass');
    expect(mechanismVerdict('SCRAM-SHA-512', ['PLAIN'])).toMatchObject({ verdict: 'fail', detail: 'SCRAM-SHA-512 is not offered; the listener offers PLAIN' });
  });

  it('the worst broker decides, and every broker is named', () => {
    const result = perBroker([
      { broker: 'broker 1', outcome: { verdict: 'pass', detail: 'ok' } },
      { broker: 'broker 2', outcome: { verdict: 'fail', detail: 'expired', fix: 'renew' } },
    ]);
    expect(result).toEqual({ verdict: 'fail', detail: 'broker 1: ok; broker 2: expired', fix: 'renew' });
  });
});
