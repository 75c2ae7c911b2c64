// The contract's request schemas, so the browser and the server agree on every rule. The
// login view loads this module on first use (valibot is not needed to show the form).
import { validate, type SchemaOptions } from '../../contract/schemas.ts';
import { utility } from './utility.js';

export const PASSWORD_MIN_LENGTH = 12;

/** The utility's rules; each view builds the schemas it validates with (see contract/schemas.ts). */
export const schemaOptions: SchemaOptions = {
  passwordMinLength: PASSWORD_MIN_LENGTH,
  consumerCodePattern: utility.consumerCode.pattern,
  pinPattern: utility.pin.pattern,
  commonWords: [utility.name, utility.shortName, utility.city],
};

export {
  registerSchema, loginSchema, forgotSchema, resetSchema, changePasswordSchema, changeEmailSchema, linkConsumerSchema, deleteAccountSchema,
} from '../../contract/schemas.ts';
export { validate };
