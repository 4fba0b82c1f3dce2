export { acceptedImageTypes, detectImageType, type ImageType } from './image-types';
export { LocalFileStorage, type LocalStorageOptions } from './local-storage';
export { localFileRoutes, type LocalFileRoutesOptions } from './local-file-routes';
export { sendPublicImage } from './public-image-reply';
export { S3FileStorage, type S3StorageOptions } from './s3-storage';
export {
  assertValidKey,
  bucketPurposes,
  InvalidKeyError,
  type Bucket,
  type BucketPurpose,
  type FileStorage,
  type ObjectContent,
  type SignedUrlOptions,
  type StoredObject,
} from './storage';
export { createFileStorage, storageEnv, type StorageConfig } from './storage-env';
