import { consume, produce } from '../../api.js';
import { plural } from '../../base/plural.js';
import { countFlag, loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';

export interface ProduceFlags extends GlobalFlags {
  keySeparator?: string;
  user?: string;
  json?: boolean;
}

/** Reads stdin, one message per line, into the topic over OUTSIDE. */
export async function produceCommand(topic: string, flags: ProduceFlags): Promise<void> {
  const sent = await produce(topic, process.stdin, { ...loadOptions('produce', flags), keySeparator: flags.keySeparator, user: flags.user });
  if (flags.json) printResult(flags, { topic, sent }, () => '');
  else process.stderr.write(`${plural(sent, 'message')} sent to ${topic}\n`);
}

export interface ConsumeFlags extends GlobalFlags {
  fromBeginning?: boolean;
  group?: string;
  json?: boolean;
  maxMessages?: string;
  idle?: string;
  user?: string;
}

/** Prints the topic's messages as they arrive, until Ctrl-C, --max-messages or --idle. */
export async function consumeCommand(topic: string, flags: ConsumeFlags, signal: AbortSignal): Promise<void> {
  await consume(topic, process.stdout, {
    ...loadOptions('consume', flags),
    fromBeginning: flags.fromBeginning,
    group: flags.group,
    user: flags.user,
    json: flags.json,
    maxMessages: flags.maxMessages === undefined ? undefined : countFlag('max-messages', flags.maxMessages, 1),
    idleMs: flags.idle === undefined ? undefined : secondsFlag('idle', flags.idle, 0),
    signal,
  });
}
