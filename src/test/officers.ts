import {
  type Agent,
  FENGJIE,
  type GrantSpec,
  type TestApp,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from './harness.js';

/**
 * The staff accounts the ledger tests log in as, by login, each with its one grant: 奉节县's
 * county officer, leading office and department staff, the township officers of 兴隆镇 and 吐祥镇
 * (both in 奉节县), and the county officer of 巫山县 (outside 奉节县's scope).
 */
export const OFFICERS = {
  fj_officer: { role: 'county_officer', region: FENGJIE },
  fj_office: { role: 'leading_office', region: FENGJIE },
  fj_dept: { role: 'dept_staff', region: FENGJIE },
  xl_officer: { role: 'township_officer', region: XINGLONG },
  tx_officer: { role: 'township_officer', region: TUXIANG },
  ws_officer: { role: 'county_officer', region: WUSHAN },
} as const satisfies Record<string, GrantSpec>;

export type OfficerLogin = keyof typeof OFFICERS;

/**
 * Creates the named officers, in the order given, without logging them in.
 *
 * @example await createOfficers(t, 'fj_officer', 'ws_officer');
 */
export async function createOfficers(t: TestApp, ...logins: OfficerLogin[]): Promise<void> {
  for (const login of logins) await t.createUser({ login, grants: [OFFICERS[login]] });
}

/**
 * Creates the named officers and logs each one in; the agents come back in the same order.
 *
 * @example [county, town] = await loginOfficers(t, 'fj_officer', 'xl_officer');
 */
export async function loginOfficers<const L extends readonly OfficerLogin[]>(
  t: TestApp,
  ...logins: L
): Promise<{ -readonly [K in keyof L]: Agent }> {
  await createOfficers(t, ...logins);
  const agents: Agent[] = [];
  for (const login of logins) agents.push(await t.login(login));
  return agents as { -readonly [K in keyof L]: Agent };
}
