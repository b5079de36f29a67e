import pc from 'picocolors';
import { smoke, smokeFailure, type PathReport, type SmokeReport } from '../../api.js';
import { runDefaults } from '../../model/defaults.js';
import { countFlag, loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';
import { formatTable } from '../table.js';

export interface SmokeFlags extends GlobalFlags {
  messages?: string;
  timeout?: string;
  json?: boolean;
}

/** Prints the report (or JSON), then fails with the reasons when a path did not pass. */
export async function smokeCommand(flags: SmokeFlags, signal: AbortSignal): Promise<void> {
  const report = await smoke({
    ...loadOptions('smoke', flags),
    messages: countFlag('messages', flags.messages, runDefaults.smokeMessages),
    timeoutMs: secondsFlag('timeout', flags.timeout, runDefaults.smokeTimeoutSeconds),
    signal,
  });
  printResult(flags, report, () => formatSmokeReport(report));
  if (!report.passed) throw smokeFailure(report);
}

const resultColour = { passed: pc.green, failed: pc.red, skipped: pc.yellow } as const;

export function formatSmokeReport(report: SmokeReport): string {
  const rows = report.paths.map((path) => {
    const { stats } = path;
    const counts = stats ? [stats.sent, stats.received, stats.lost, stats.duplicated, stats.outOfOrder].map(String) : ['-', '-', '-', '-', '-'];
    return [
      path.path,
      path.bootstrap,
      resultColour[path.status](path.status),
      ...counts,
      stats?.latencyMs ? milliseconds(stats.latencyMs.p50) : '-',
      stats?.latencyMs ? milliseconds(stats.latencyMs.p99) : '-',
      stats?.throughputPerSecond ? `${Math.round(stats.throughputPerSecond).toLocaleString('en')} msg/s` : '-',
    ];
  });
  const header = ['PATH', 'BOOTSTRAP', 'RESULT', 'SENT', 'RECEIVED', 'LOST', 'DUPLICATED', 'OUT OF ORDER', 'P50', 'P99', 'THROUGHPUT'];
  return [
    `Smoke check of project ${report.project}: ${report.messages} messages per path, each path over a new topic of ${report.partitions} partitions`,
    ...formatTable(header, rows),
    '',
    ...report.paths.filter((path) => path.measured).map((path: PathReport) => pc.dim(`${path.path}: ${path.measured}`)),
    '',
  ].join('\n');
}

function milliseconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
}
