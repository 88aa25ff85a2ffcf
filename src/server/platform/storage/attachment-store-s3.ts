import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../domain/errors/codes.js';
import type { AttachmentsConfig } from '../../config.js';
import type { AttachmentStore } from './store.js';

type S3Config = Extract<AttachmentsConfig, { kind: 's3' }>;

/** A ListObjectsV2 answer, every value kept as text (a key of digits stays a string). */
interface ListResult {
  ListBucketResult?: {
    IsTruncated?: string;
    NextContinuationToken?: string;
    Contents?: { Key?: string; LastModified?: string }[];
  };
}

const listParser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'Contents',
});

/** One path segment at a time, so `/` stays a separator and everything else is escaped. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The store did not answer or refused: a plain 503 (its answer is no business of the client's). */
function unavailable(_what: string, _status?: number): AppError {
  return new AppError('ATTACHMENT_STORE_UNAVAILABLE');
}

/**
 * An S3-compatible bucket (AWS S3, MinIO, 阿里云 OSS, 腾讯云 COS …), path-style URLs, requests
 * signed with SigV4 (aws4fetch). Uploads stream from the verified temporary file with its known
 * length and an UNSIGNED-PAYLOAD body hash (the SHA-256 of the content is kept in the database
 * and sent as x-amz-meta-sha256). The secret is only revealed to the signer.
 */
export function s3AttachmentStore(c: S3Config): AttachmentStore {
  const client = new AwsClient({
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey.reveal(),
    service: 's3',
    region: c.region,
    retries: 2,
  });
  const url = (key: string) => `${c.endpoint}/${c.bucket}/${encodeKey(c.prefix + key)}`;
  const call = async (what: string, req: Promise<Response>) => {
    try {
      return await req;
    } catch {
      throw unavailable(what);
    }
  };
  return {
    kind: 's3',
    async put(key, file, meta) {
      // Signed and sent once, by hand: a streamed body cannot be replayed by a retry.
      const signed = await client.sign(url(key), {
        method: 'PUT',
        headers: {
          'content-length': String(meta.size),
          'content-type': meta.contentType,
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
          'x-amz-meta-sha256': meta.sha256,
        },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      });
      const res = await call('PUT', fetch(signed));
      await res.body?.cancel();
      if (!res.ok) throw unavailable('PUT', res.status);
    },
    async get(key) {
      const res = await call('GET', client.fetch(url(key), { method: 'GET' }));
      if (res.status === 404) {
        await res.body?.cancel();
        throw new AppError('NOT_FOUND');
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        throw unavailable('GET', res.status);
      }
      return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    },
    async exists(key) {
      const res = await call('HEAD', client.fetch(url(key), { method: 'HEAD' }));
      await res.body?.cancel();
      if (res.status === 404) return false;
      if (!res.ok) throw unavailable('HEAD', res.status);
      return true;
    },
    async remove(key) {
      const res = await call('DELETE', client.fetch(url(key), { method: 'DELETE' }));
      await res.body?.cancel();
      if (!res.ok && res.status !== 404) throw unavailable('DELETE', res.status);
    },
    async *listBefore(before) {
      let token: string | undefined;
      do {
        const q = new URLSearchParams({ 'list-type': '2', prefix: c.prefix });
        if (token) q.set('continuation-token', token);
        const res = await call('LIST', client.fetch(`${c.endpoint}/${c.bucket}?${q.toString()}`));
        const xml = await res.text();
        if (!res.ok) throw unavailable('LIST', res.status);
        const page = (listParser.parse(xml) as ListResult).ListBucketResult ?? {};
        for (const o of page.Contents ?? []) {
          const modifiedAt = new Date(o.LastModified ?? '');
          if (!o.Key?.startsWith(c.prefix) || !(modifiedAt < before)) continue;
          yield { key: o.Key.slice(c.prefix.length), modifiedAt };
        }
        token = page.IsTruncated === 'true' ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
