import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfig } from '../../../src/config/parse.js';
import { configFromChoices, type InitChoices } from '../../../src/init/choices.js';
import { configFileNames, configFileText, configFormats, spelledOut } from '../../../src/init/config-file.js';
import { projectFolder } from './project-folder.js';

const choices: { name: string; choices: InitChoices }[] = [
  { name: 'nothing chosen', choices: {} },
  { name: 'ZooKeeper, three brokers, own ports and topics', choices: { mode: 'zookeeper', brokers: 3, port: 19092, zookeeperPort: 12181, topics: ['orders:6:3', 'users:1:2:compact'] } },
  { name: 'KRaft, one node, no topics', choices: { mode: 'kraft', brokers: '1', topics: [] } },
  { name: 'KRaft, three brokers, dedicated controllers', choices: { name: 'shop', mode: 'kraft', brokers: 3, controllers: 3, topics: ['events:12:3'] } },
];

describe('the config file init writes', () => {
  test.each(configFormats.flatMap((format) => choices.map((entry) => ({ ...entry, format }))))(
    'loads back as the chosen config ($format, $name)',
    async ({ choices: chosen, format }) => {
      const folder = await projectFolder();
      const file = join(folder, configFileNames[format]);
      const chosenConfig = parseConfig(configFromChoices(chosen), { source: file, defaultName: 'my-app', env: {} });
      await writeFile(file, configFileText(spelledOut(chosenConfig, { clusterId: false }), format, ["Written by 'kafka-dev init'."]));

      const loaded = await loadConfig({ cwd: folder, env: {} });
      expect(loaded).toEqual(chosenConfig);
    },
  );

  test('the TypeScript file explains each field beside its value and shows only the fields of its mode', async () => {
    const zookeeper = spelledOut(parseConfig({}, { source: 'x', defaultName: 'shop', env: {} }), { clusterId: false });
    const kraft = spelledOut(parseConfig({ mode: 'kraft' }, { source: 'x', defaultName: 'shop', env: {} }), { clusterId: false });
    const zookeeperText = configFileText(zookeeper, 'ts', ['Written by a test.']);
    const kraftText = configFileText(kraft, 'ts', ['Written by a test.']);

    expect(zookeeperText).toContain("import { defineConfig } from 'kafka-dev';\n\n// Written by a test.\n");
    expect(zookeeperText).toContain("  outside: { host: 'localhost', port: 9092, bind: '127.0.0.1' }, // programs on this machine connect to host:port");
    expect(zookeeperText).toContain("  zookeeper: { port: 2181, bind: '127.0.0.1' }, // client port");
    expect(zookeeperText).not.toMatch(/controllers:|controller:/);
    expect(kraftText).toContain('  controllers: 0, // KRaft: dedicated controller nodes');
    expect(kraftText).toContain('    controller: { port: 9094 }, // KRaft controller quorum');
    expect(kraftText).not.toMatch(/zookeeper: [{']/);
  });
});
