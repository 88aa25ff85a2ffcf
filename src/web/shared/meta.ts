import { useEffect, useState } from 'react';

/**
 * Whether the deployment holds the demo accounts (`GET /api/meta`, public), asked once per page
 * load and shared by the console and the portal, which then show the fixed 演示环境 banner. A
 * failed request shows no banner rather than an error.
 */
let demoAccounts: Promise<boolean> | null = null;

export function fetchDemoAccounts(): Promise<boolean> {
  demoAccounts ??= fetch('/api/meta', { credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<{ demoAccounts?: unknown }>) : null))
    .then((body) => body?.demoAccounts === true)
    .catch(() => false);
  return demoAccounts;
}

/** True once `/api/meta` has said the demo accounts exist. */
export function useDemoAccounts(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchDemoAccounts().then((d) => {
      if (live) setDemo(d);
    });
    return () => {
      live = false;
    };
  }, []);
  return demo;
}
