import type { AppDeps } from '../http/types.js';
import type { MetaViewT } from './contract.js';
import { demoAccountsExist } from './repo.js';

/**
 * Public facts about the deployment for the web apps' first screen: whether demo accounts exist,
 * so both apps show the 演示环境 banner. Reveals nothing the README does not already publish.
 */
export async function deploymentMeta(deps: AppDeps): Promise<MetaViewT> {
  return { demoAccounts: await demoAccountsExist(deps.db) };
}
