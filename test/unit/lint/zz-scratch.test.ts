import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'vitest';
import { parseComposeDocument } from '../../../src/lint/compose-document.js';
import { lintCompose } from '../../../src/lint/lint.js';
test('x', () => {
  const dir = '/work/main/test/fixtures/compose/';
  for (const f of [...readdirSync(dir).map(f => dir + f), '/work/main/compose/docker-compose.yml']) {
    const r = lintCompose(parseComposeDocument(readFileSync(f, 'utf8'), f.split('/').pop()!));
    console.log(f, r.kafkaServices, r.zookeeperServices, r.errors, r.warnings);
    for (const x of r.findings) console.log(`  ${x.line} ${x.severity} ${x.rule} ${x.service}: ${x.problem}`);
  }
});
