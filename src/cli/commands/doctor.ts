import pc from 'picocolors';
import { doctor, type DoctorReport, type Verdict } from '../../api.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';

export interface DoctorFlags extends GlobalFlags {
  json?: boolean;
}

/** Exit 1 when any check fails, so scripts and CI can gate on it. */
export async function doctorCommand(flags: DoctorFlags): Promise<number> {
  const report = await doctor(loadOptions('doctor', flags));
  printResult(flags, report, () => formatDoctor(report));
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
