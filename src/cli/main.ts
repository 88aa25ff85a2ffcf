import { buildProgram } from './program.js';
import { reportFailure } from './run.js';

/**
 * Entry point of `fanxiang` (bin/fanxiang.js loads it, compiled or through tsx). Failures end
 * with exit code 2 for configuration errors and 1 otherwise; the database is closed first.
 */
// Owner-only by default: the data directory, backups, exports and error reports hold personal data.
process.umask(0o077);
try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportFailure(err);
}
