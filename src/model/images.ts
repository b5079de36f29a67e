import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { defaults, imageEnv } from './defaults.js';
import { parseImageReference } from './image-reference.js';
import { flavorOfReference, kafkaMajorOfTag, kafkaVersionOfTag, loadFlavor, renderedFlavors, type ImageRole, type KafkaVersion } from './flavor.js';
import type { ImageFlavor, ImagesConfig, Mode, ResolvedConfig } from './types.js';

/** What an image reference tells about its contract and Kafka version, for defaults and early errors. */
export function guessFlavor(image: string, role: ImageRole = 'kafka'): ImageFlavor | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? flavorOfReference(parsed.reference, role) : undefined;
}

/** Kafka's major version from the tag: apache/kafka:4.4.0 -> 4, cp-kafka:7.9.11 -> 3 (by the flavor's version line); never from a digest. */
export function kafkaMajorVersion(image: string, flavor: ImageFlavor): number | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? kafkaMajorOfTag(loadFlavor(flavor), parsed.reference) : undefined;
}

/** Kafka's version from the tag, as far as it tells (apache/kafka:4.4.0 -> 4.4, cp-kafka:7.9.11 -> 3.9); never from a digest. */
export function kafkaVersionOf(image: string, flavor: ImageFlavor): KafkaVersion | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? kafkaVersionOfTag(loadFlavor(flavor), parsed.reference) : undefined;
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
export function chooseImages(user: ImagesConfig | undefined, mode: Mode, env: Environment, kafkaVersion?: string): ImageChoice {
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
  const images = { kafka: kafka.image, zookeeper: zookeeper.image, flavor };
  if (kafkaVersion === undefined || issues.length > 0) return { images, issues };
  const versioned = imagesOfVersion(kafkaVersion, { kafka, zookeeper, flavor }, mode);
  return 'issue' in versioned ? { images, issues: [versioned.issue] } : { images: versioned, issues };
}

interface ChosenImage {
  readonly image: string;
  /** Where it came from: `images.kafka` or the environment variable. */
  readonly path: string;
}

/**
 * The images that run `version` (`4.4`, `3.9.2`): the chosen images with the tag the flavor names
 * for that version (the patch as given, where the tag is Kafka's own version). An image from the
 * environment is kept (tests run local builds), but must not run another version.
 */
function imagesOfVersion(
  version: string,
  chosen: { kafka: ChosenImage; zookeeper: ChosenImage; flavor: ImageFlavor },
  mode: Mode,
): ResolvedConfig['images'] | { issue: ConfigIssue } {
  const refuse = (message: string, path = 'kafkaVersion') => ({ issue: { path, message } });
  const { kafkaVersion } = loadFlavor(chosen.flavor);
  const tags = kafkaVersion?.tags ?? {};
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number | undefined];
  const line = `${major}.${minor}`;
  const runnable = Object.keys(tags).filter((known) => mode !== 'zookeeper' || Number(known.split('.')[0]) < 4);
  const expected = `expected ${runnable.map((known) => `'${known}'`).join(' or ')} for ${chosen.flavor} images in mode '${mode}'`;
  if (mode === 'zookeeper' && major >= 4) return refuse(`got ${quoteText(version)}, but Kafka ${major} has no ZooKeeper mode; ${expected}, or mode 'kraft'`);
  if (chosen.kafka.path === imageEnv.kafka) {
    const running = kafkaVersionOf(chosen.kafka.image, chosen.flavor);
    if (running && (running.major !== major || (running.minor !== undefined && running.minor !== minor))) {
      const runs = running.minor === undefined ? `Kafka ${running.major}` : `Kafka ${running.major}.${running.minor}`;
      return refuse(`got ${quoteText(chosen.kafka.image)} (from the environment), which runs ${runs}, but kafkaVersion asks for ${quoteText(version)}; expected an image of Kafka ${line}, or no kafkaVersion`, imageEnv.kafka);
    }
    return { kafka: chosen.kafka.image, zookeeper: chosen.zookeeper.image, flavor: chosen.flavor };
  }
  const lineTag = tags[line];
  if (!lineTag) return refuse(`got ${quoteText(version)}, a Kafka version kafka-dev does not run with ${chosen.flavor} images; ${expected}`);
  if (patch !== undefined && kafkaVersion?.byTagMajor) {
    return refuse(`got ${quoteText(version)}, but ${chosen.flavor} images are tagged by their vendor's version, so only Kafka's line can be chosen; expected '${line}' (runs tag ${lineTag})`);
  }
  const tag = patch !== undefined ? version : lineTag;
  const kafka = retagged(chosen.kafka, tag);
  if (typeof kafka !== 'string') return kafka;
  return { kafka, zookeeper: withTagOf(chosen.zookeeper, tag, chosen.flavor), flavor: chosen.flavor };
}

/** The ZooKeeper image follows the Kafka image's tag when it is of the same family (cp-zookeeper with cp-kafka). */
function withTagOf(zookeeper: ChosenImage, tag: string, flavor: ImageFlavor): string {
  if (zookeeper.path === imageEnv.zookeeper) return zookeeper.image;
  const parsed = parseImageReference(zookeeper.image);
  if (!parsed.ok || flavorOfReference(parsed.reference, 'zookeeper') !== flavor) return zookeeper.image;
  const image = retagged(zookeeper, tag);
  return typeof image === 'string' ? image : zookeeper.image;
}

/** The image with another tag; one pinned by digest cannot take one. */
function retagged(chosen: ChosenImage, tag: string): string | { issue: ConfigIssue } {
  const parsed = parseImageReference(chosen.image);
  if (!parsed.ok) return chosen.image;
  if (parsed.reference.digest !== undefined) {
    return { issue: { path: chosen.path, message: `got ${quoteText(chosen.image)}, pinned by digest, so kafkaVersion cannot choose its tag; expected an image without a digest, or no kafkaVersion` } };
  }
  const repository = parsed.reference.tag === undefined ? chosen.image : chosen.image.slice(0, -(parsed.reference.tag.length + 1));
  return `${repository}:${tag}`;
}

const expectedReference = "expected an image reference such as 'confluentinc/cp-kafka:7.9.11' or 'registry:5000/team/kafka:3.9@sha256:<64 hex digits>'";

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
