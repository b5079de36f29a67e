/**
 * Cross-field rules of `connect`: each connector named once and given its class, plugin folders
 * that exist, an image whose contract kafka-dev knows. Reads the file system only to ask whether
 * a plugin folder is a folder.
 */
import { statSync } from 'node:fs';
import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import type { ResolvedConnect } from '../model/types.js';
import { connectFlavorOf } from './resolve-connect.js';

export type IsFolder = (path: string) => boolean;

const isFolderOnDisk: IsFolder = (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

export function checkConnect(connect: ResolvedConnect | undefined, flavorGiven: boolean, isFolder: IsFolder = isFolderOnDisk): ConfigIssue[] {
  if (!connect) return [];
  return [...imageIssues(connect, flavorGiven), ...pluginIssues(connect, isFolder), ...connectorIssues(connect)];
}

function imageIssues(connect: ResolvedConnect, flavorGiven: boolean): ConfigIssue[] {
  if (flavorGiven || connectFlavorOf(connect.image)) return [];
  return [
    {
      path: 'connect.image',
      message: `got ${quoteText(connect.image)}, whose name does not tell how its workers are configured; expected a cp-kafka-connect or apache/kafka image, or connect.flavor set to 'confluent' (CONNECT_* variables) or 'apache' (connect-distributed.sh)`,
    },
  ];
}

function pluginIssues(connect: ResolvedConnect, isFolder: IsFolder): ConfigIssue[] {
  return connect.plugins.flatMap((folder, index) =>
    isFolder(folder)
      ? []
      : [{ path: `connect.plugins[${index}]`, message: `got ${quoteText(folder)}, which is not a folder; expected a folder of connector plugins (jars or one folder per plugin), relative to the config file` }],
  );
}

function connectorIssues(connect: ResolvedConnect): ConfigIssue[] {
  const firstIndex = new Map<string, number>();
  return connect.connectors.flatMap(({ name, config }, index) => {
    const issues: ConfigIssue[] = [];
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else issues.push({ path: `connect.connectors[${index}].name`, message: `got ${quoteText(name)}, which connect.connectors[${first}] names too; expected each connector name once` });
    if (!config['connector.class']?.trim()) {
      issues.push({
        path: `connect.connectors[${index}].config`,
        message: `has no 'connector.class'; expected the connector's class, such as 'FileStreamSource' or 'org.apache.kafka.connect.file.FileStreamSourceConnector'`,
      });
    }
    return issues;
  });
}
