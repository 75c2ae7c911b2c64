// The worker's own request schemas, so the browser and the server agree on every rule.
import { makeSchemas, validate } from '../../worker/src/schemas/api.ts';
import utility from '../../worker/utility.json' with { type: 'json' };
import { latinToCyrillic } from '../../worker/src/i18n/translit.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const schemas = makeSchemas({
  passwordMinLength: PASSWORD_MIN_LENGTH,
  consumerCodePattern: utility.consumerCode.pattern,
  pinPattern: utility.pin.pattern,
});

export { validate, utility };

/** The utility's name in the current script (configured in Latin, shown in Cyrillic too). */
export function utilityName(locale: string): string {
  return locale === 'sr-Cyrl' ? latinToCyrillic(utility.name) : utility.name;
}
