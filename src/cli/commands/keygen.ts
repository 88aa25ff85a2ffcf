import type { Command } from 'commander';
import { generateMasterKey } from '../../server/platform/crypto/keys.js';

/** `fanxiang keygen`: needs neither configuration nor database. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('生成新的数据加密主密钥，用于 FANXIANG_SECRET_KEY (print a new master key)')
    .action(() => {
      console.log(generateMasterKey());
    });
}
