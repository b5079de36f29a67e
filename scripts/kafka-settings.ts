/**
 * Writes src/model/kafka-settings/kafka-<version>.ts: every broker and topic setting of a Kafka
 * version, with its type and the range or words Kafka's own validator accepts, as the broker's
 * jars document them (`kafka.server.KafkaConfig` and `LogConfig` print their ConfigDef as HTML),
 * and the KAFKA_* environment variables the image's start scripts read for themselves. The
 * oldest version is written whole; each newer one as its differences from it (most settings
 * are the same in every version).
 *
 *   node scripts/kafka-settings.ts [image ...]
 *
 * Default images: the offline test builds (npm run images). Needs Docker; run it once per new
 * Kafka version and commit the result.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

interface ImageLayout {
  readonly classpath: string;
  readonly scripts: string;
}

const layouts: Record<string, ImageLayout> = {
  confluent: { classpath: '/usr/share/java/kafka/*', scripts: '/etc/confluent/docker/* /usr/bin/kafka-run-class /usr/bin/kafka-server-start' },
  apache: { classpath: '/opt/kafka/libs/*', scripts: '/etc/kafka/docker/* /opt/kafka/bin/kafka-run-class.sh /opt/kafka/bin/kafka-server-start.sh' },
};

const images = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['kafka-dev-local/cp-kafka:7.9', 'kafka-dev-local/apache-kafka:4.4'];

function inImage(image: string, script: string): string {
  return execFileSync('docker', ['run', '--rm', '--entrypoint', 'sh', image, '-c', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

interface Spec {
  type: string;
  min?: string;
  max?: string;
  also?: string[];
  oneOf?: string[];
  caseInsensitive?: true;
  nonEmpty?: true;
}

/** One `<h4>` heading of ConfigDef.toHtml per setting, then its description and a table with its Type and Valid Values. */
function parseConfigHtml(html: string): Record<string, Spec> {
  const specs: Record<string, Spec> = {};
  for (const item of html.split('<h4><a id="').slice(1)) {
    const name = /^([^"]+)"><\/a>/.exec(item)?.[1];
    const type = /<th>Type:<\/th><td>([^<]*)<\/td>/.exec(item)?.[1];
    const valid = /<th>Valid Values:<\/th><td>([^<]*)<\/td>/.exec(item)?.[1] ?? '';
    if (!name || !type) throw new Error(`cannot read a setting from: ${item.slice(0, 200)}`);
    specs[name] = { type, ...validValues(valid.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')) };
  }
  return Object.fromEntries(Object.entries(specs).sort(([a], [b]) => a.localeCompare(b)));
}

/** Kafka's validators' toString(): `[1,...]`, `[0,...,1]`, `[1,...,9] or -1`, `[compact, delete]`, `non-empty string`. */
function validValues(text: string): Omit<Spec, 'type'> {
  const range = /^\[(-?[\d.]+),\.\.\.(?:,(-?[\d.]+))?\](?: or (-?[\d.]+))?$/.exec(text);
  if (range) return { min: range[1]!, ...(range[2] && { max: range[2] }), ...(range[3] && { also: [range[3]] }) };
  const words = /^(\(case insensitive\) )?\[([\w.-]+(?:, [\w.-]+)*)\]$/.exec(text);
  if (words) return { oneOf: words[2]!.split(', '), ...(words[1] && { caseInsensitive: true as const }) };
  if (/^non-empty (string|list)$/.test(text)) return { nonEmpty: true };
  return {};
}

interface Generated {
  readonly image: string;
  readonly version: string;
  readonly broker: Record<string, Spec>;
  readonly topic: Record<string, Spec>;
  readonly imageEnv: string[];
}

function readImage(image: string): Generated {
  const flavor = /cp-kafka/.test(image) ? 'confluent' : 'apache';
  const { classpath, scripts } = layouts[flavor]!;
  const java = (main: string) => inImage(image, `java -cp '${classpath}' ${main} 2>/dev/null`);
  const clients = inImage(image, `ls ${classpath.replace('/*', '')} | grep '^kafka-clients-'`);
  const version = /kafka-clients-(\d+\.\d+)\./.exec(clients)?.[1];
  if (!version) throw new Error(`no kafka-clients jar in ${image}`);
  const broker = parseConfigHtml(java('kafka.server.KafkaConfig'));
  const topic = parseConfigHtml(java('org.apache.kafka.storage.internals.log.LogConfig'));
  const envNames = inImage(image, `cat ${scripts} 2>/dev/null | grep -ohE '\\bKAFKA_[A-Z0-9_]+' | sort -u`).split('\n').filter(Boolean);
  // Variables that are a setting's own env name are passed on as that setting; the rest the image keeps for itself.
  const settingEnv = new Set(Object.keys(broker).map((key) => `KAFKA_${key.replaceAll('_', '__').replaceAll('-', '___').replaceAll('.', '_').toUpperCase()}`));
  const imageEnv = envNames.filter((name) => !settingEnv.has(name) && !name.endsWith('_'));
  return { image, version, broker, topic, imageEnv };
}

const lines = (specs: Record<string, Spec>) => Object.entries(specs).map(([name, spec]) => `    ${JSON.stringify(name)}: ${JSON.stringify(spec)},`).join('\n');

/** The settings of `specs` that `base` lacks or types differently. */
const changed = (specs: Record<string, Spec>, base: Record<string, Spec>) =>
  Object.fromEntries(Object.entries(specs).filter(([name, spec]) => JSON.stringify(spec) !== JSON.stringify(base[name])));
const removed = (specs: Record<string, Spec>, base: Record<string, Spec>) => Object.keys(base).filter((name) => !(name in specs));

function wholeFile(catalog: Generated): string {
  return `// Generated by scripts/kafka-settings.ts from ${catalog.image}; do not edit.
import type { KafkaSettingsCatalog } from './catalog.js';

export default {
  version: ${JSON.stringify(catalog.version)},
  broker: {
${lines(catalog.broker)}
  },
  topic: {
${lines(catalog.topic)}
  },
  imageEnv: ${JSON.stringify(catalog.imageEnv)},
} satisfies KafkaSettingsCatalog;
`;
}

function changesFile(catalog: Generated, base: Generated): string {
  return `// Generated by scripts/kafka-settings.ts from ${catalog.image}, as its differences from Kafka ${base.version}; do not edit.
import type { KafkaSettingsChanges } from './catalog.js';

export default {
  version: ${JSON.stringify(catalog.version)},
  base: ${JSON.stringify(base.version)},
  broker: {
${lines(changed(catalog.broker, base.broker))}
  },
  brokerRemoved: ${JSON.stringify(removed(catalog.broker, base.broker))},
  topic: {
${lines(changed(catalog.topic, base.topic))}
  },
  topicRemoved: ${JSON.stringify(removed(catalog.topic, base.topic))},
  imageEnv: ${JSON.stringify(catalog.imageEnv)},
} satisfies KafkaSettingsChanges;
`;
}

const catalogs = images.map(readImage).sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
for (const catalog of catalogs) {
  const file = `src/model/kafka-settings/kafka-${catalog.version}.ts`;
  writeFileSync(file, catalog === catalogs[0] ? wholeFile(catalog) : changesFile(catalog, catalogs[0]!));
  console.log(`${file}: ${Object.keys(catalog.broker).length} broker settings, ${Object.keys(catalog.topic).length} topic settings, ${catalog.imageEnv.length} image variables`);
}
