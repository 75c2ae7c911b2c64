// The utility's own settings (config/utility.json): name, formats, page links, colours.
import utility from '../../config/utility.json' with { type: 'json' };
import { inScript } from './localize.js';

export { utility };

/** The utility's name in the current script (configured in Latin, shown in Cyrillic too). */
export function utilityName(): string {
  return inScript(utility.name);
}
