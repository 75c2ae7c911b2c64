// The utility the tests run with: the file UTILITY_CONFIG names (config/utility.json when unset),
// read and checked as `npm start` does — so a suite can run against another utility's configuration.
import { readUtilityConfig } from '../../worker/node/utility-file.ts';

export const testUtility = readUtilityConfig(process.env);
