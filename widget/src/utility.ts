// The utility's own settings (config/utility.json): name, formats, page links, colours.
import {
  name,
  shortName,
  city,
  contact,
  consumerCode,
  pin,
  terms,
  privacy,
  passwordWords,
} from '../../config/utility.json';
import type { UtilityConfig } from '../../contract/utility-config.ts';
import { inScript } from './localize.js';

// Named imports, not the JSON's default: the bundler then keeps only the settings a chunk uses.
// This module is for the views loaded on demand; the login page's few settings are imported
// one by one where they are used (jp-portal.ts, tokens.ts).
export const utility = { name, shortName, city, contact, consumerCode, pin, terms, privacy, passwordWords } as Pick<
  UtilityConfig,
  'name' | 'shortName' | 'city' | 'contact' | 'consumerCode' | 'pin' | 'terms' | 'privacy' | 'passwordWords'
>;

/** The utility's name in the current script (configured in Latin, shown in Cyrillic too). */
export function utilityName(): string {
  return inScript(utility.name);
}
