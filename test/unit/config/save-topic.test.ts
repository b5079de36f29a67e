import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { prepareTopicSave } from '../../../src/config/save-topic.js';
import type { ResolvedTopic } from '../../../src/model/types.js';
import { ConfigError } from '../../../src/base/errors.js';

const entry = fileURLToPath(new URL('../../../src/config/define.ts', import.meta.url));
const orders: ResolvedTopic = { name: 'orders', partitions: 3, replicationFactor: 1, config: { 'cleanup.policy': 'compact' } };

async function configFile(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'kafka-dev-save-')), name);
  await writeFile(file, text);
  return file;
}

/** Saves `orders` into the file and returns the new text and the topics the file now declares. */
async function save(file: string) {
  const edit = await prepareTopicSave(await loadConfig({ configFile: file, env: {} }), orders);
  await edit.write();
  return { text: await readFile(file, 'utf8'), topics: (await loadConfig({ configFile: file, env: {} })).topics };
}

describe('prepareTopicSave', () => {
  test('a TS config gets the topic through its AST; comments, imports and other entries stay as written', async () => {
    const lines = [
      `import { defineConfig } from '${entry}';`,
      '',
      '// The shop stack.',
      'export default defineConfig({',
      "  name: 'shop',",
      "  brokerConfig: { 'log.retention.hours': 1 }, // short retention",
      '  topics: [',
      "    { name: 'test' }, // the default",
      '  ],',
      '});',
      '',
    ];
    const { text, topics } = await save(await configFile('kafka-dev.config.ts', lines.join('\n')));
    const added = "    { name: 'orders', partitions: 3, replicationFactor: 1, config: { 'cleanup.policy': 'compact' } },";
    expect(text).toBe([...lines.slice(0, 8), added, ...lines.slice(8)].join('\n'));
    expect(topics.map((topic) => topic.name)).toEqual(['test', 'orders']);
    expect(topics[1]).toEqual(orders);
  });

  test.each([
    {
      name: 'one property a line',
      text: 'export default {\n  name: "shop" // the project\n};\n',
      saved: 'export default {\n  name: "shop", // the project\n  topics: [{ name: "test", partitions: 1, replicationFactor: 1 }, { name: "orders", partitions: 3, replicationFactor: 1, config: { "cleanup.policy": "compact" } }],\n};\n',
    },
    {
      name: 'all on one line',
      text: "export default { name: 'shop' };\n",
      saved: "export default { name: 'shop', topics: [{ name: 'test', partitions: 1, replicationFactor: 1 }, { name: 'orders', partitions: 3, replicationFactor: 1, config: { 'cleanup.policy': 'compact' } }] };\n",
    },
  ])('a config without topics ($name) keeps the default it declared implicitly, in its own quotes', async ({ text, saved }) => {
    const file = await configFile('kafka-dev.config.ts', text);
    const result = await save(file);
    expect(result.text).toBe(saved);
    expect(result.topics.map((topic) => topic.name)).toEqual(['test', 'orders']);
  });

  test('a YAML config keeps its comments and layout', async () => {
    const file = await configFile('kafka-dev.config.yaml', '# the shop\nname: shop # project\ntopics:\n  - name: test # default\n');
    const { text, topics } = await save(file);
    expect(text).toBe(
      '# the shop\nname: shop # project\ntopics:\n  - name: test # default\n  - name: orders\n    partitions: 3\n    replicationFactor: 1\n    config:\n      cleanup.policy: compact\n',
    );
    expect(topics[1]).toEqual(orders);
  });

  test('a JSON config keeps its indentation', async () => {
    const file = await configFile('kafka-dev.config.json', '{\n    "name": "shop"\n}\n');
    const { text, topics } = await save(file);
    expect(text).toMatch(/^\{\n {4}"name": "shop",\n {4}"topics": \[/);
    expect(topics.map((topic) => topic.name)).toEqual(['test', 'orders']);
  });

  test.each([
    { name: 'a topic the file already declares', file: 'kafka-dev.config.yaml', text: 'topics:\n  - name: orders\n', message: "topics: already declares 'orders'" },
    { name: 'a default export it cannot edit', file: 'kafka-dev.config.mjs', text: 'const config = {};\nexport default config;\n', message: 'cannot be edited automatically' },
  ])('refuses $name, before anything is written', async ({ file: name, text, message }) => {
    const file = await configFile(name, text);
    const config = await loadConfig({ configFile: file, env: {} });
    await expect(prepareTopicSave(config, orders)).rejects.toThrow(ConfigError);
    await expect(prepareTopicSave(config, orders)).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  test('refuses without a config file', async () => {
    const config = await loadConfig({ cwd: await mkdtemp(join(tmpdir(), 'kafka-dev-none-')), configFile: false, env: {} });
    await expect(prepareTopicSave(config, orders)).rejects.toThrow('there is no config file to save the topic to');
  });
});
