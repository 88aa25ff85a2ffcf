import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { type AttachmentsConfig, Secret } from '../server/config.js';

export type S3Config = Extract<AttachmentsConfig, { kind: 's3' }>;

/** s3rver's built-in account (it checks SigV4 signatures against it). */
const ACCESS_KEY = 'S3RVER';

/**
 * A real S3-compatible server (s3rver) on a free local port with one empty bucket, for the
 * attachment store's tests; `keys` lists the objects under a prefix through the S3 API.
 */
export async function startS3(bucket = 'fanxiang-test', prefix = 'fx/') {
  const directory = mkdtempSync(path.join(tmpdir(), 'fanxiang-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: S3Config = {
    kind: 's3',
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY,
    secretAccessKey: new Secret(ACCESS_KEY),
    prefix,
  };
  const client = new AwsClient({
    accessKeyId: ACCESS_KEY,
    secretAccessKey: ACCESS_KEY,
    service: 's3',
    region: 'us-east-1',
  });
  return {
    config,
    /** Every object key (without the store's prefix) that starts with `under`. */
    async keys(under = ''): Promise<string[]> {
      const q = new URLSearchParams({ 'list-type': '2', prefix: prefix + under });
      const res = await client.fetch(`${config.endpoint}/${bucket}?${q.toString()}`);
      const xml = await res.text();
      if (!res.ok) throw new Error(`list: ${res.status} ${xml}`);
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
        (m[1] ?? '').slice(prefix.length),
      );
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
