import { loadConfig } from '../../config/load.js';
import { consumeLines, produceLines } from '../../kafka/console.js';
import { bootstrapServers } from '../../model/cluster.js';
import { countFlag, loadOptions, secondsFlag, type GlobalFlags } from '../options.js';

export interface ProduceFlags extends GlobalFlags {
  keySeparator?: string;
}

/** Reads stdin, one message per line, into the topic over OUTSIDE. */
export async function produceCommand(topic: string, flags: ProduceFlags): Promise<void> {
  const config = await loadConfig(loadOptions(flags));
  const sent = await produceLines(bootstrapServers(config).host, topic, process.stdin, { keySeparator: flags.keySeparator });
  process.stderr.write(`${sent} message${sent === 1 ? '' : 's'} sent to ${topic}\n`);
}

export interface ConsumeFlags extends GlobalFlags {
  fromBeginning?: boolean;
  group?: string;
  json?: boolean;
  maxMessages?: string;
  idle?: string;
}

/** Prints the topic's messages as they arrive, until Ctrl-C, --max-messages or --idle. */
export async function consumeCommand(topic: string, flags: ConsumeFlags, signal: AbortSignal): Promise<void> {
  const config = await loadConfig(loadOptions(flags));
  await consumeLines(bootstrapServers(config).host, topic, process.stdout, {
    fromBeginning: flags.fromBeginning,
    group: flags.group,
    json: flags.json,
    maxMessages: flags.maxMessages === undefined ? undefined : countFlag('max-messages', flags.maxMessages, 1),
    idleMs: flags.idle === undefined ? undefined : secondsFlag('idle', flags.idle, 0),
    signal,
  });
}
