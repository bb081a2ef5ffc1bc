import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3ObjectClient } from './s3-document-store.js';

export interface AwsS3ObjectClientOptions {
  bucket: string;
  /**
   * Passed to the SDK's S3Client: `region`, `credentials`, and for MinIO, Ceph RGW, Garage or similar,
   * `endpoint` plus `forcePathStyle: true`.
   */
  client?: S3ClientConfig;
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.$metadata?.httpStatusCode === 404 || e?.name === 'NotFound' || e?.name === 'NoSuchKey';
}

/**
 * S3ObjectClient over the AWS SDK v3 (@aws-sdk/client-s3, Apache-2.0, maintained by AWS, speaks to any
 * S3-compatible service). Imported on demand so that deployments on a local directory never load it.
 */
export async function createAwsS3ObjectClient(options: AwsS3ObjectClientOptions): Promise<S3ObjectClient> {
  const sdk = await import('@aws-sdk/client-s3');
  const client = new sdk.S3Client(options.client ?? {});
  const Bucket = options.bucket;
  return {
    async putObject(key, bytes, sha256Base64) {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: sha256Base64,
        }),
      );
    },
    async getObject(key) {
      try {
        const response = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        return response.Body ? await response.Body.transformToByteArray() : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async headObject(key) {
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async deleteObject(key) {
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
