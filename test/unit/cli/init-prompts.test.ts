import { describe, expect, test } from 'vitest';
import { askChoices, type Prompter } from '../../../src/cli/init-prompts.js';

/** Answers questions from a script, in order, and records what was asked and whether each answer passed validation. */
function scripted(answers: string[]) {
  const asked: { message: string; initial: string; problem?: string }[] = [];
  const prompter: Prompter = {
    async choose(question) {
      asked.push({ message: question.message, initial: question.initial });
      return answers.shift()!;
    },
    async ask(question) {
      let answer = answers.shift()!;
      let problem = question.validate(answer);
      asked.push({ message: question.message, initial: question.initial, ...(problem && { problem }) });
      // A person corrects the answer when told what is wrong; the script's next entry is the correction.
      while (problem) {
        answer = answers.shift()!;
        problem = question.validate(answer);
      }
      return answer;
    },
  };
  return { prompter, asked };
}

describe('askChoices', () => {
  test('asks mode, brokers, ports and topics, with the defaults as initial answers', async () => {
    const { prompter, asked } = scripted(['zookeeper', '3', '19092', '12181', 'orders:6, payments']);
    const choices = await askChoices(prompter, {});
    expect(choices).toEqual({ mode: 'zookeeper', brokers: '3', port: '19092', zookeeperPort: '12181', topics: ['orders:6', 'payments'] });
    expect(asked.map(({ message, initial }) => [message.split(' (')[0], initial])).toEqual([
      ['Mode', 'zookeeper'],
      ['Brokers', '1'],
      ['Host port of the first broker', '9092'],
      ['ZooKeeper port on this machine', '2181'],
      ['Topics to create, comma-separated', 'test'],
    ]);
  });

  test('skips what flags already chose, and the ZooKeeper port in KRaft mode', async () => {
    const { prompter, asked } = scripted(['9092', '']);
    const choices = await askChoices(prompter, { mode: 'kraft', brokers: 3 });
    expect(choices).toMatchObject({ mode: 'kraft', brokers: 3, port: '9092', topics: [] });
    expect(asked.map(({ message }) => message.split(' (')[0])).toEqual(['Host port of the first broker', 'Topics to create, comma-separated']);
  });

  test("an answer the config's rules refuse is explained on the spot and asked again", async () => {
    const { prompter, asked } = scripted(['zookeeper', '12', '2', '65535', '9092', '9092', '2181', 'orders:1:3', 'orders:1:2']);
    const choices = await askChoices(prompter, {});
    expect(choices).toMatchObject({ brokers: '2', port: '9092', zookeeperPort: '2181', topics: ['orders:1:2'] });
    expect(asked.map((question) => question.problem).filter(Boolean)).toEqual([
      'got 12, expected at most 9 brokers',
      'got 65535, but with 2 brokers the last one would need port 65536; expected at most 65534',
      'got 9092, which broker 1 publishes as its OUTSIDE port; expected a port no broker uses',
      "got 3, but the cluster has 2 brokers; expected at most 2 (or raise 'brokers')",
    ]);
  });
});
