import { AwsClient } from 'aws4fetch';
import type { BlobStore } from './blob-store';

/**
 * The blob store on an S3-compatible service (ADR 0040): the same interface as the local
 * directory, for a deployment that keeps files in object storage (MinIO, Ceph, a provider in the
 * EU). Requests are signed with AWS Signature V4 (aws4fetch, no other dependency), path-style
 * (`<endpoint>/<bucket>/<key>`), which MinIO and most compatible stores accept. What is stored
 * is already encrypted; the bucket never sees plaintext or a file name.
 * Tested against s3rver, an S3-compatible server that runs in the test process.
 */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^${UUID}/${UUID}$`);
const PREFIX = new RegExp(`^${UUID}$`);

export class S3BlobStore implements BlobStore {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(config: S3Config) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
    });
    this.base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  }

  private url(key: string): string {
    if (!KEY.test(key)) throw new Error('ongeldige sleutel voor een bijlage');
    return `${this.base}/${key}`;
  }

  private async check(res: Response, what: string, ok: number[] = [200]): Promise<Response> {
    if (!ok.includes(res.status)) {
      // the body of an S3 error names the bucket and the key at most; no file content
      await res.body?.cancel();
      throw new Error(`objectopslag: ${what} mislukt (HTTP ${res.status})`);
    }
    return res;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const res = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    await this.check(res, 'bewaren');
    await res.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.client.fetch(this.url(key));
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    await this.check(res, 'lezen');
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE' });
    await this.check(res, 'wissen', [200, 204, 404]);
    await res.body?.cancel();
  }

  async list(prefix?: string): Promise<string[]> {
    if (prefix !== undefined && !PREFIX.test(prefix)) throw new Error('ongeldig voorvoegsel');
    const keys: string[] = [];
    let token: string | null = null;
    do {
      const q = new URLSearchParams({ 'list-type': '2' });
      if (prefix) q.set('prefix', `${prefix}/`);
      if (token) q.set('continuation-token', token);
      const res = await this.check(await this.client.fetch(`${this.base}?${q}`), 'oplijsten');
      const xml = await res.text();
      for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(unescapeXml(m[1]!));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? unescapeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '') || null
        : null;
    } while (token);
    return keys.sort();
  }

  async writtenAt(key: string): Promise<Date | null> {
    const res = await this.client.fetch(this.url(key), { method: 'HEAD' });
    if (res.status !== 200) return null;
    const at = res.headers.get('last-modified');
    return at ? new Date(at) : null;
  }
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The S3 configuration from the environment, or null when the local directory is used. */
export function s3ConfigFrom(source: Record<string, string | undefined> = process.env): S3Config | null {
  const endpoint = source.ATTACHMENT_S3_ENDPOINT;
  const bucket = source.ATTACHMENT_S3_BUCKET;
  const accessKeyId = source.ATTACHMENT_S3_ACCESS_KEY_ID;
  const secretAccessKey = source.ATTACHMENT_S3_SECRET_ACCESS_KEY;
  const set = [endpoint, bucket, accessKeyId, secretAccessKey];
  if (set.every((v) => !v)) return null;
  if (!set.every(Boolean)) {
    throw new Error(
      'ATTACHMENT_S3_ENDPOINT, ATTACHMENT_S3_BUCKET, ATTACHMENT_S3_ACCESS_KEY_ID en ATTACHMENT_S3_SECRET_ACCESS_KEY horen samen: zet ze alle vier of geen',
    );
  }
  return {
    endpoint: endpoint!,
    bucket: bucket!,
    accessKeyId: accessKeyId!,
    secretAccessKey: secretAccessKey!,
    region: source.ATTACHMENT_S3_REGION || 'us-east-1',
  };
}
