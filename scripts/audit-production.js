/* global console, process */
// CI: `npm audit --omit=dev` must report no high or critical advisory in what `npm start` runs.
// Fails on such findings. When the advisory service cannot be reached (a registry mirror without
// the audit endpoint, no network), it says so and passes: an unanswered question is not a finding.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = report.message ?? report.error?.summary ?? (run.stderr || '').trim().split('\n').pop();
  console.log(`audit: npm audit --omit=dev got no report (${reason || 'no answer'}); not checked this run`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `audit: production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    if (entry.severity === 'high' || entry.severity === 'critical') {
      console.log(
        `  ${entry.severity}: ${name} ${entry.range ?? ''} ${entry.fixAvailable ? '(fix available)' : ''}`,
      );
    }
  }
  console.log('audit: fix these (npm audit fix --omit=dev, or a newer major) before this lands');
  process.exit(1);
}
