// The utility's own settings (worker/utility.json): name, formats, page links, colours.
import utility from '../../worker/utility.json' with { type: 'json' };
import { inScript } from './localize.js';

export { utility };

/** The utility's name in the current script (configured in Latin, shown in Cyrillic too). */
export function utilityName(): string {
  return inScript(utility.name);
}
