// One render thread of render-pool.ts: the configuration, the bill PDFs' folder and the fonts,
// and the tasks it knows; nothing else (no database).
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../src/config.ts';
import { BILL_MAIL_TASK, renderBillMailFrom, type BillMailInput } from '../src/bills/bill-mail.ts';
import { folderStore, dejaVuFonts } from './files.ts';
import { readUtilityConfig } from './utility-file.ts';
import { filesDir } from './utility-root.ts';

const env = (workerData as { env: Record<string, string | undefined> }).env;
const deps = {
  config: loadConfig(env, readUtilityConfig(env)),
  files: folderStore(filesDir(env)),
  fonts: dejaVuFonts,
};
const TASKS: Record<string, (input: unknown) => Promise<unknown>> = {
  [BILL_MAIL_TASK]: (input) => renderBillMailFrom(deps, input as BillMailInput),
};

parentPort!.on('message', async (m: { id: number; task: string; input: unknown }) => {
  try {
    const task = TASKS[m.task];
    if (!task) throw new Error(`unknown task ${m.task}`);
    parentPort!.postMessage({ id: m.id, out: await task(m.input) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String(e) });
  }
});
