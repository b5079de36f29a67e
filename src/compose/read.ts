import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ComposeFileError } from '../base/errors.js';
import { parseComposeDocument, type ComposeDocument } from './document.js';

/** The names `docker compose` looks for, in its order. */
export const composeFileNames = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;

/** Reads and parses the given compose file, or the one `docker compose` would pick in `cwd`. Paths in messages are relative to `cwd`. */
export async function readComposeFile(file: string | undefined, cwd: string): Promise<ComposeDocument> {
  const path = file ? resolve(cwd, file) : composeFileNames.map((name) => join(cwd, name)).find((candidate) => existsSync(candidate));
  if (!path) {
    throw new ComposeFileError(`No compose file in ${cwd} (looked for ${composeFileNames.join(', ')})`, {
      hint: 'Name the file: kafka-dev lint path/to/docker-compose.yml',
    });
  }
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ComposeFileError(`Cannot read ${shown}: ${(error as Error).message}`, { cause: error });
  }
  return parseComposeDocument(text, shown);
}
