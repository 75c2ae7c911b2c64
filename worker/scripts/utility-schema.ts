// `npm run config:schema`: writes config/utility.schema.json from the valibot schema of the
// utility's configuration (contract/utility-config.ts), the one source of truth; the checks a JSON
// Schema cannot say (a pattern that compiles, the example matching it, an account's control
// digits, room in the purpose) stay in the valibot schema, which build and start run.
// `--check` fails when the file is not what the schema gives (test/contract/utility-config.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { utilityConfigSchema } from '../../contract/utility-config.ts';

const FILE = resolve(import.meta.dirname, '../../config/utility.schema.json');

/** The JSON Schema, as an object (the file is compared by content, not by its formatting). */
export function utilityJsonSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: "A utility's configuration of the resident portal (docs/embedding.md: Another utility)",
    ...toJsonSchema(utilityConfigSchema, { errorMode: 'ignore' }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    if (JSON.stringify(JSON.parse(readFileSync(FILE, 'utf8'))) !== JSON.stringify(utilityJsonSchema())) {
      console.error('config/utility.schema.json is out of date: npm run config:schema');
      process.exit(1);
    }
  } else {
    writeFileSync(FILE, `${JSON.stringify(utilityJsonSchema(), null, 2)}\n`);
    console.log('config/utility.schema.json written');
  }
}
