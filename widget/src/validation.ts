// The worker's own request schemas, so the browser and the server agree on every rule.
import { validate, type SchemaOptions } from '../../worker/src/schemas/api.ts';
import utility from '../../worker/utility.json' with { type: 'json' };
import { inScript } from './localize.js';

export const PASSWORD_MIN_LENGTH = 12;

/** The utility's rules; each view builds the schemas it validates with (see schemas/api.ts). */
export const schemaOptions: SchemaOptions = {
  passwordMinLength: PASSWORD_MIN_LENGTH,
  consumerCodePattern: utility.consumerCode.pattern,
  pinPattern: utility.pin.pattern,
};

export {
  registerSchema, loginSchema, forgotSchema, resetSchema, changePasswordSchema, changeEmailSchema, linkConsumerSchema, deleteAccountSchema,
} from '../../worker/src/schemas/api.ts';
export { validate, utility };

/** The utility's name in the current script (configured in Latin, shown in Cyrillic too). */
export function utilityName(): string {
  return inScript(utility.name);
}
