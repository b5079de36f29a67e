import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseImageReference } from '../../../src/model/image-reference.js';

const sha256 = `sha256:${'a'.repeat(64)}`;

/** Cases from distribution/reference's grammar (regexp.go, normalize.go) and its tests. */
describe('parseImageReference', () => {
  test.each([
    { text: 'zookeeper', domain: 'docker.io', path: 'library/zookeeper' },
    { text: 'zookeeper:3.9', domain: 'docker.io', path: 'library/zookeeper', tag: '3.9' },
    { text: 'docker.io/zookeeper', domain: 'docker.io', path: 'library/zookeeper' },
    { text: 'index.docker.io/apache/kafka:4.1.1', domain: 'docker.io', path: 'apache/kafka', tag: '4.1.1' },
    { text: 'confluentinc/cp-kafka:7.9.1', domain: 'docker.io', path: 'confluentinc/cp-kafka', tag: '7.9.1' },
    { text: 'kafka-dev-local/cp-kafka:7.9', domain: 'docker.io', path: 'kafka-dev-local/cp-kafka', tag: '7.9' },
    { text: 'localhost/kafka', domain: 'localhost', path: 'kafka' },
    { text: 'localhost:5000/team/kafka:3.9', domain: 'localhost:5000', path: 'team/kafka', tag: '3.9' },
    { text: 'Registry.Example.com/a/b', domain: 'Registry.Example.com', path: 'a/b' },
    { text: '[::1]:5000/kafka:1', domain: '[::1]:5000', path: 'kafka', tag: '1' },
    { text: 'a__b/c--d/e.f_g:TAG_1.x-y', domain: 'docker.io', path: 'a__b/c--d/e.f_g', tag: 'TAG_1.x-y' },
    { text: `apache/kafka@${sha256}`, domain: 'docker.io', path: 'apache/kafka', digest: sha256 },
    { text: `apache/kafka:4.1.1@${sha256}`, domain: 'docker.io', path: 'apache/kafka', tag: '4.1.1', digest: sha256 },
  ])('accepts $text', ({ text, ...reference }) => {
    expect(parseImageReference(text)).toEqual({ ok: true, reference });
  });

  test.each([
    { text: '', problem: /is empty/ },
    { text: 'UPPER:tag', problem: /upper-case letters/ },
    { text: 'confluentinc/CP-kafka:7.9.1', problem: /upper-case letters/ },
    { text: 'a b', problem: /is not an image reference/ },
    { text: 'kafka\n:1', problem: /is not an image reference/ },
    { text: 'kafka:', problem: /is not an image reference/ },
    { text: ':7.9.1', problem: /is not an image reference/ },
    { text: 'a//b', problem: /is not an image reference/ },
    { text: '-kafka', problem: /is not an image reference/ },
    { text: 'kafka_', problem: /is not an image reference/ },
    { text: 'a___b', problem: /is not an image reference/ },
    { text: `kafka:${'t'.repeat(129)}`, problem: /is not an image reference/ },
    { text: sha256, problem: /digest without a repository name/ },
    { text: 'a'.repeat(64).replace(/^a/, 'b'), problem: /64-character image id/ },
    { text: `${'a/'.repeat(128)}a`, problem: /more than Docker's 255/ },
    { text: `kafka@md5:${'a'.repeat(32)}`, problem: /algorithm 'md5'/ },
    { text: `kafka@sha256:${'a'.repeat(63)}`, problem: /not 64 lower-case hex digits/ },
    { text: 'x'.repeat(100_000), problem: /characters long/ },
  ])('refuses $text', ({ text, problem }) => {
    const parsed = parseImageReference(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  test('any string parses to a reference that prints back as written, or is refused with a problem; never throws, never hangs', () => {
    const characters = fc.constantFrom(...'aZ09._-/:@[]x \n'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: characters, maxLength: 80 }), fc.constant('a'.repeat(60) + '!')), (text) => {
        const started = performance.now();
        const parsed = parseImageReference(text);
        expect(performance.now() - started).toBeLessThan(100);
        if (!parsed.ok) {
          expect(parsed.problem).toMatch(/^(is|has) /);
          return;
        }
        const { domain, path, tag, digest } = parsed.reference;
        expect(text.endsWith(`${path.replace(/^library\//, '')}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`)).toBe(true);
        expect(/^[a-z0-9]/.test(path) && !/\s/.test(text) && domain.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
