// The utility this Worker serves: the configuration that `npm run build:worker` checked and wrote
// to generated/utility.json (the file UTILITY_CONFIG names, config/utility.json when unset), so
// wrangler bundles the chosen utility and no other.
import type { UtilityConfig } from '../../contract/utility-config.ts';
import utility from './generated/utility.json' with { type: 'json' };

export default utility as UtilityConfig;
