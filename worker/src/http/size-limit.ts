import { bodyLimit } from 'hono/body-limit';
import { documented } from '../openapi/tags.ts';
import { errorResponse, fail } from './errors.ts';

/** Bodies up to `maxSize` bytes; a larger one is 413 payload_too_large before anything reads it. */
export const sizeLimit = (maxSize: number) =>
  documented(bodyLimit({ maxSize, onError: (c) => errorResponse(c, fail('payload_too_large')) }), {
    errors: ['payload_too_large'],
    unsafeOnly: true,
  });
