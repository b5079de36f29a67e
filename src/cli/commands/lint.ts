import pc from 'picocolors';
import { KafkaDevError } from '../../base/errors.js';
import { lint, type LintReport } from '../../api.js';
import { plural } from '../../base/plural.js';
import { printResult } from '../output.js';

export interface LintFlags {
  json?: boolean;
}

/** Prints the findings (or JSON); an error-level finding fails the command, so CI can gate on it. */
export async function lintCommand(file: string | undefined, flags: LintFlags): Promise<void> {
  const report = await lint(file);
  printResult(flags, report, () => formatLintReport(report));
  if (report.errors > 0) {
    throw new KafkaDevError(`${report.file}: ${plural(report.errors, 'error')} (and ${plural(report.warnings, 'warning')}) found`, {
      hint: "Each finding says how to fix it; or let kafka-dev run the stack: 'kafka-dev init --from-compose " + report.file + "'.",
    });
  }
}

const marks = { error: pc.red('✖'), warning: pc.yellow('!') } as const;

export function formatLintReport(report: LintReport): string {
  const services = [...report.zookeeperServices, ...report.kafkaServices];
  const checked = services.length > 0 ? `checked ${services.join(', ')}` : 'no Kafka or ZooKeeper service found, only the file-wide checks ran';
  const summary =
    report.findings.length === 0
      ? `${pc.green('✔')} ${report.file}: no findings (${checked})`
      : `${report.file}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} (${checked})`;
  return [
    ...report.findings.flatMap((finding) => [
      `${marks[finding.severity]} ${finding.file}:${finding.line} ${finding.service ? `${finding.service}: ` : ''}${finding.problem} ${pc.dim(`[${finding.rule}]`)}`,
      `    ${pc.dim('why')} ${finding.why}`,
      `    ${pc.dim('fix')} ${finding.fix}`,
    ]),
    ...(report.findings.length > 0 ? [''] : []),
    summary,
    '',
  ].join('\n');
}
