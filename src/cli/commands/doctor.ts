import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { DockerodeRuntime } from '../../engine/dockerode-runtime.js';
import { runDoctor, type DoctorReport } from '../../health/doctor.js';
import type { Verdict } from '../../health/doctor-checks.js';
import { loadOptions, type GlobalFlags } from '../options.js';

export interface DoctorFlags extends GlobalFlags {
  json?: boolean;
}

/** Exit 1 when any check fails, so scripts and CI can gate on it. */
export async function doctorCommand(flags: DoctorFlags): Promise<number> {
  const config = await loadConfig(loadOptions(flags));
  const report = await runDoctor(config, new DockerodeRuntime());
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctor(report));
  return report.ok ? 0 : 1;
}

const marks: Record<Verdict, string> = { pass: pc.green('✔ pass'), warn: pc.yellow('! warn'), fail: pc.red('✖ fail'), skip: pc.dim('- skip') };

export function formatDoctor(report: DoctorReport): string {
  const lines = report.results.flatMap((result) => [
    `${marks[result.verdict]}  ${result.check}: ${result.detail}`,
    ...(result.fix ? [`         ${pc.dim('fix:')} ${result.fix}`] : []),
  ]);
  return `${lines.join('\n')}\n\n${report.ok ? pc.green('No problems found.') : pc.red('Problems found; see the fixes above.')} (project ${report.project})\n`;
}
