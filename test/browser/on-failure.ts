import { afterEach, beforeEach } from 'vitest';
import { forgetOpenPages, reportOpenPages } from './browser.js';

beforeEach(forgetOpenPages);

/** After a failed browser test: what its pages showed (see reportOpenPages). */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await reportOpenPages(task.name);
});
