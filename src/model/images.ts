import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { defaults, imageEnv } from './defaults.js';
import { parseImageReference } from './image-reference.js';
import { flavorOfReference, kafkaMajorOfTag, loadFlavor, renderedFlavors, type ImageRole } from './flavor.js';
import type { ImageFlavor, ImagesConfig, Mode, ResolvedConfig } from './types.js';

/** What an image reference tells about its contract and Kafka version, for defaults and early errors. */
export function guessFlavor(image: string, role: ImageRole = 'kafka'): ImageFlavor | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? flavorOfReference(parsed.reference, role) : undefined;
}

/** Kafka's major version from the tag: apache/kafka:4.1.1 -> 4, cp-kafka:7.9.1 -> 3 (by the flavor's version line); never from a digest. */
export function kafkaMajorVersion(image: string, flavor: ImageFlavor): number | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? kafkaMajorOfTag(loadFlavor(flavor), parsed.reference) : undefined;
}

export interface ImageChoice {
  readonly images: ResolvedConfig['images'];
  /** Image references that do not parse, and images whose contract kafka-dev cannot tell or does not render. */
  readonly issues: readonly ConfigIssue[];
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The images a config runs, env overrides first, each reference checked by Docker's grammar and
 * named by where it came from (`images.kafka` or `KAFKA_DEV_KAFKA_IMAGE`). Pure.
 */
export function chooseImages(user: ImagesConfig | undefined, mode: Mode, env: Environment): ImageChoice {
  const modeImages = mode === 'kraft' ? defaults.images.kraftMode : defaults.images.zookeeperMode;
  const issues: ConfigIssue[] = [];
  const pick = (role: ImageRole, configured: string | undefined, fallback: string) => {
    const variable = imageEnv[role];
    const fromEnv = env[variable];
    for (const [path, value] of [[`images.${role}`, configured], [variable, fromEnv]] as const) {
      const parsed = value ? parseImageReference(value) : undefined;
      if (parsed && !parsed.ok) issues.push({ path, message: `got ${quoteText(value!)}${path === variable ? ' (from the environment)' : ''}, which ${parsed.problem}; ${expectedReference}` });
    }
    return fromEnv ? { image: fromEnv, path: variable } : { image: configured || fallback, path: `images.${role}` };
  };
  const kafka = pick('kafka', user?.kafka, modeImages.kafka);
  const zookeeper = pick('zookeeper', user?.zookeeper, defaults.images.zookeeperMode.zookeeper);
  const flavor = user?.flavor ?? guessedFlavor(kafka.image, kafka.path, issues) ?? modeImages.flavor;
  return { images: { kafka: kafka.image, zookeeper: zookeeper.image, flavor }, issues };
}

const expectedReference = "expected an image reference such as 'confluentinc/cp-kafka:7.9.1' or 'registry:5000/team/kafka:3.9@sha256:<64 hex digits>'";

/** The flavor the image's name says, when kafka-dev renders it; a read-only flavor or an untagged unknown image is an issue. */
function guessedFlavor(image: string, path: string, issues: ConfigIssue[]): ImageFlavor | undefined {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return undefined;
  const rendered = renderedFlavors();
  const choices = rendered.map((name) => `'${name}'`).join(' or ');
  const flavor = flavorOfReference(parsed.reference, 'kafka');
  if (flavor && !rendered.includes(flavor)) {
    issues.push({
      path,
      message: `got ${quoteText(image)}, which follows the '${flavor}' image contract: kafka-dev reads it in compose files but does not render it; expected a cp-kafka or apache/kafka image (or set images.flavor to ${choices} if the image follows one of those contracts)`,
    });
  } else if (!flavor && parsed.reference.tag === undefined) {
    issues.push({
      path,
      message: `got ${quoteText(image)}: neither its name nor a tag tells which image contract it follows or which Kafka version it runs; set images.flavor to ${choices} (or use a tagged cp-kafka or apache/kafka image)`,
    });
  }
  return flavor && rendered.includes(flavor) ? flavor : undefined;
}
