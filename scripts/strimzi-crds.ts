/**
 * Vendors the CRDs of a Strimzi release that `export strimzi` is validated against in the unit
 * suite (test/fixtures/strimzi/): Kafka, KafkaNodePool, KafkaTopic and KafkaUser, as the release
 * installs them, and the tag they came from.
 *
 *   node scripts/strimzi-crds.ts [tag | base URL]
 *
 * A tag (default 1.2.0) is read from the operator's GitHub repository; a base URL (a mirror, a
 * local `file://` checkout) must hold packaging/install/cluster-operator/. Commit the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? '1.2.0';
const base = /^[a-z]+:\/\//.test(source) ? source.replace(/\/$/, '') : `https://raw.githubusercontent.com/strimzi/strimzi-kafka-operator/${source}`;
const files = ['040-Crd-kafka.yaml', '043-Crd-kafkatopic.yaml', '044-Crd-kafkauser.yaml', '045-Crd-kafkanodepool.yaml'];
const folder = new URL('../test/fixtures/strimzi/', import.meta.url);

async function read(url: string): Promise<string> {
  if (url.startsWith('file://')) return readFileSync(fileURLToPath(url), 'utf8');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

for (const file of files) {
  const text = await read(`${base}/packaging/install/cluster-operator/${file}`);
  if (!text.includes('kind: CustomResourceDefinition')) throw new Error(`${file} from ${base} is not a CRD`);
  writeFileSync(new URL(file, folder), text);
}
writeFileSync(new URL('SOURCE', folder), `${base}\n`);
console.log(`Wrote ${files.length} CRDs from ${base} to test/fixtures/strimzi/`);
