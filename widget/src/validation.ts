// The worker's own request schemas, so the browser and the server agree on every rule.
import { makeSchemas, validate } from '../../worker/src/schemas/api.ts';
import utility from '../../worker/utility.json' with { type: 'json' };

export const PASSWORD_MIN_LENGTH = 12;

export const schemas = makeSchemas({
  passwordMinLength: PASSWORD_MIN_LENGTH,
  consumerCodePattern: utility.consumerCode.pattern,
  pinPattern: utility.pin.pattern,
});

export { validate, utility };
