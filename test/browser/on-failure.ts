import { afterEach } from 'vitest';
import { reportOpenPages } from './browser.js';

/** After a failed browser test: what its pages showed (see reportOpenPages). */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await reportOpenPages(task.name);
});
