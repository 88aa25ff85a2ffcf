import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../domain/errors/codes.js';
import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get('/api/health', {
    schema: { tags: ['运维 ops'], summary: '存活检查', response: { 200: Health } },
    config: { public: true },
    handler: () => ({ status: 'ok' as const }),
  });
  app.get('/api/ready', {
    schema: {
      tags: ['运维 ops'],
      summary: '就绪检查（数据库可用且已迁移）',
      response: { 200: Ready, 503: ERROR_RESPONSES[500] },
    },
    config: { public: true },
    handler: async () => {
      try {
        await deps.db.execute(sql`SELECT 1 FROM audit_head WHERE id = 1`);
      } catch {
        throw new AppError('NOT_READY');
      }
      return { status: 'ready' as const, database: deps.database.kind };
    },
  });
}
