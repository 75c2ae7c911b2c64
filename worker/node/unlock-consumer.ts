// `npm run consumers:unlock -- CODE`: lifts the PIN lock of a consumer code in DATABASE_URL
// (after too many wrong PINs a code stays locked until the utility does this).
import { loadConfig, ConfigError } from '../src/config.ts';
import { limitsPolicy } from '../src/auth/limits.ts';
import { unlockConsumer } from '../src/consumers/unlock.ts';
import { nodeDeps } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { readUtilityConfig } from './utility-file.ts';
import { canonical } from '../../contract/typed-code.ts';

async function main() {
  const config = loadConfig(process.env, readUtilityConfig(process.env));
  const [typed] = process.argv.slice(2);
  const code = typed && canonical('consumerCode', typed, config.utility.consumerCode);
  if (!code || !new RegExp(config.utility.consumerCode.pattern).test(code)) {
    console.error('usage: npm run consumers:unlock -- CODE (a consumer code as printed on the bill)');
    process.exit(2);
  }
  const { deps, client } = await nodeDeps(config, process.env);
  await migrateDatabase(deps.db);
  const cleared = await unlockConsumer(deps, limitsPolicy(config.limits), code);
  client.close();
  console.log(
    cleared
      ? `consumer ${code}: PIN lock and failure counts cleared`
      : `consumer ${code}: no wrong PINs were counted, nothing to unlock`,
  );
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(2);
});
