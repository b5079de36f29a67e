import { cancel, intro, select, text } from '@clack/prompts';
import { KafkaDevError } from '../base/errors.js';
import { choiceProblem, type InitChoices } from '../api.js';

/** The two kinds of question init asks; @clack/prompts on a terminal, a script in tests. */
export interface Prompter {
  choose(question: { message: string; options: readonly { value: string; label: string; hint: string }[]; initial: string }): Promise<string>;
  ask(question: { message: string; initial: string; validate: (answer: string) => string | undefined }): Promise<string>;
}

const topicList = (answer: string) => answer.split(',').map((topic) => topic.trim()).filter(Boolean);

/** Asks for each choice no flag gave; every answer is checked by the config's own rules before the next question. */
export async function askChoices(prompter: Prompter, given: InitChoices): Promise<InitChoices> {
  const mode =
    given.mode ??
    (await prompter.choose({
      message: 'Mode',
      options: [
        { value: 'zookeeper', label: 'ZooKeeper', hint: 'the classic quick start: ZooKeeper and Kafka 3.9, cp-kafka 7.9 images' },
        { value: 'kraft', label: 'KRaft', hint: 'no ZooKeeper: Kafka 4, apache/kafka image' },
      ],
      initial: 'zookeeper',
    }));
  const check = (path: string, choices: InitChoices) => choiceProblem({ mode, ...choices }, path);
  const brokers =
    given.brokers ?? (await prompter.ask({ message: 'Brokers (1-9)', initial: '1', validate: (answer) => check('brokers', { brokers: answer }) }));
  const port =
    given.port ??
    (await prompter.ask({
      message: 'Host port of the first broker (programs on this machine connect to localhost:PORT)',
      initial: '9092',
      validate: (answer) => check('listeners.outside.port', { brokers, port: answer }),
    }));
  const zookeeperPort =
    mode === 'kraft'
      ? undefined
      : (given.zookeeperPort ??
        (await prompter.ask({
          message: 'ZooKeeper port on this machine',
          initial: '2181',
          validate: (answer) => check('zookeeper.port', { brokers, port, zookeeperPort: answer }),
        })));
  const topics =
    given.topics ??
    topicList(
      await prompter.ask({
        message: 'Topics to create, comma-separated (name or name:partitions)',
        initial: 'test',
        validate: (answer) => check('topics', { brokers, topics: topicList(answer) }),
      }),
    );
  return { ...given, mode, brokers, port, zookeeperPort, topics };
}

export function clackPrompter(): Prompter {
  intro('kafka-dev init');
  return {
    choose: async (question) => answered(await select({ message: question.message, options: [...question.options], initialValue: question.initial })),
    ask: async (question) =>
      answered(await text({ message: question.message, initialValue: question.initial, validate: (value) => question.validate(value ?? '') })),
  };
}

/** clack answers with a symbol only when the user cancels (Ctrl-C, Esc). */
function answered(answer: string | symbol): string {
  if (typeof answer === 'symbol') {
    cancel('Nothing written.');
    throw new KafkaDevError('kafka-dev init was cancelled; no file was written');
  }
  return answer;
}
