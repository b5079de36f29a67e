import type { LintRule } from '../rule.js';

export const obsoleteVersionKey: LintRule = {
  id: 'obsolete-version-key',
  severity: 'warning',
  check: ({ document }) =>
    document.version
      ? [
          {
            line: document.version.line,
            problem: `top-level "version: ${document.version.value}"`,
            why: 'Compose v2 ignores it and warns on every command ("the attribute `version` is obsolete"); it no longer selects features, so it only misleads',
            fix: 'delete the line (docker-compose 1.27+ and Compose v2 read files without it)',
          },
        ]
      : [],
};
