import type { DocumentsConfig } from '../config.js';
import type { DocumentStore } from './document-store.js';
import { LocalDocumentStore } from './local-document-store.js';
import { S3DocumentStore } from './s3-document-store.js';
import { createAwsS3ObjectClient } from './s3-object-client.js';

/** The configured store: a local directory by default, an S3-compatible bucket when one is named. */
export async function createDocumentStore(config: DocumentsConfig['store']): Promise<DocumentStore> {
  switch (config.kind) {
    case 'local':
      return new LocalDocumentStore(config.dir);
    case 's3': {
      const client = await createAwsS3ObjectClient({
        bucket: config.bucket,
        client: {
          region: config.region,
          forcePathStyle: config.forcePathStyle,
          ...(config.endpoint ? { endpoint: config.endpoint } : {}),
          ...(config.credentials ? { credentials: config.credentials } : {}),
        },
      });
      return new S3DocumentStore({ client, ...(config.prefix ? { prefix: config.prefix } : {}) });
    }
    default:
      return config satisfies never;
  }
}
