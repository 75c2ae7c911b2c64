// The contract's request schemas, so the browser and the server agree on every rule. The
// login view loads this module on first use (valibot is not needed to show the form).
import { validate, utilitySchemaOptions, type SchemaOptions } from '../../contract/schemas.ts';
import { utility } from './utility.js';

export { PASSWORD_MIN_LENGTH } from '../../contract/passwords.ts';

/** The utility's rules; each view builds the schemas it validates with (see contract/schemas.ts). */
export const schemaOptions: SchemaOptions = utilitySchemaOptions(utility);

export {
  registerSchema,
  loginSchema,
  forgotSchema,
  resetSchema,
  changePasswordSchema,
  changeEmailSchema,
  linkConsumerSchema,
  deleteAccountSchema,
  loginCodeRequestSchema,
  loginCodeSchema,
} from '../../contract/schemas.ts';
export { validate };
