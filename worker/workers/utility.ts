// The utility this Worker serves: the configuration that `npm run build:worker` checked and wrote
// beside the build root's wrangler.toml, which aliases this import to it (wrangler-config.ts), so
// wrangler bundles the chosen utility and no other; generated/utility.json is the default's, for
// the repository's wrangler.toml (wrangler dev) and the type check.
import type { UtilityConfig } from '../../contract/utility-config.ts';
import utility from './generated/utility.json' with { type: 'json' };

export default utility as UtilityConfig;
