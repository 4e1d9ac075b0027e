/**
 * `deid run --queue` with several `deid worker` processes on a loopback Redis, one of them killed
 * mid-job (SIGKILL) and replaced: every input ends once in the manifest, the outputs and maps are
 * those of a run on one machine with the same secret, a deliberately failing input leaves a dead
 * letter and nothing else stays in the queue, Redis never holds identities in clear, and a second
 * run skips what is done.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedInputState } from '../../lib/queue/derived-state.js';
import { openStateStore } from '../../lib/state/store.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';
import { startLoopbackRedis, type LoopbackRedis } from '../support/redis.js';
import { startWorker, stopWorkers, type WorkerProcess } from '../support/workers.js';

const rules = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
/** Short locks, so a killed worker's job goes back within a couple of seconds. */
/** Generated header files (`DEID_QUEUE_TEST_FILES=1000` for the acceptance run of issue 12; CI runs 30). */
const FILES = Number(process.env.DEID_QUEUE_TEST_FILES ?? 30);
const workerArgs = (state: string) => ['--state', state, '--lock-duration', '1500', '--stalled-interval', '500'];

/** Every value Redis holds, as text: strings, hashes, lists, sets, sorted sets, streams. */
async function redisText(url: string): Promise<string> {
  const redis = new Redis(url);
  const parts: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        parts.push(key);
        const type = await redis.type(key);
        if (type === 'string') parts.push((await redis.get(key)) ?? '');
        else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
        else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1')));
        else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return parts.join('\n');
}

const tree = (dir: string) => new Map(filesUnder(dir).map((f) => [path.relative(dir, f), readFileSync(f).toString('base64')]));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

describe('deid run --queue with deid worker processes', () => {
  let redis: LoopbackRedis;
  const work = mkdtempSync(path.join(tmpdir(), 'deid-queue-'));
  const inputs = path.join(work, 'in');
  const stateQ = path.join(work, 'state-queue');
  const stateLocal = path.join(work, 'state-local');
  const outQ = path.join(work, 'out-queue');
  const outLocal = path.join(work, 'out-local');
  const needles: string[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startLoopbackRedis();
    mkdirSync(inputs);
    // FILES header files: 5 patients, 2 studies each; plus two inputs with one SOP Instance UID (different
    // bytes), a stray text file, and one input whose output cannot be written.
    const write = (name: string, fixture: ReturnType<typeof makePhiFixture>) => {
      writeFileSync(path.join(inputs, name), fixture.bytes());
      needles.push(...fixture.phi.map((p) => p.value).filter((v) => v.length >= 6));
    };
    for (let i = 0; i < FILES; i++) {
      const patient = i % 5;
      write(`DOE_JANE_${String(i).padStart(4, '0')}.dcm`, makePhiFixture({ patientId: `MRN-70${patient}`, uidRoot: `1.2.826.0.1.3680043.8.498.50${patient}${i % 2}`, instance: i }));
    }
    write('TWIN_A.dcm', makePhiFixture({ patientId: 'MRN-TWIN', uidRoot: '1.2.826.0.1.3680043.8.498.777', instance: 5 }));
    write('TWIN_B.dcm', makePhiFixture({ patientId: 'MRN-TWIN', uidRoot: '1.2.826.0.1.3680043.8.498.777', instance: 5, birthDate: '19451224', age: '078Y' }));
    write('ZZ_BLOCKED.dcm', makePhiFixture({ patientId: 'MRN-BLOCKED', uidRoot: '1.2.826.0.1.3680043.8.498.999' }));
    writeFileSync(path.join(inputs, 'notes.txt'), 'not an image');
    needles.push(inputs, 'DOE_JANE', 'TWIN_A', 'ZZ_BLOCKED', '1.2.826.0.1.3680043.8.498', 'MRN-70', 'MRN-TWIN', 'MRN-BLOCKED');

    // One secret, two state folders: the queue run's and the one-machine run's.
    openStateStore(stateQ);
    cpSync(stateQ, stateLocal, { recursive: true });
    const secret = readFileSync(path.join(stateQ, 'secret.key'), 'utf8').trim();
    needles.push(secret);
    // The deliberately failing input: a file stands where its patient's output folder goes.
    const blocked = derivedInputState(Buffer.from(secret, 'hex')).pseudonymForPatient('MRN-BLOCKED');
    for (const out of [outQ, outLocal]) {
      mkdirSync(out);
      writeFileSync(path.join(out, blocked), 'in the way');
    }
  });

  afterAll(async () => {
    await stopWorkers(workers);
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('spreads the files over three workers, survives one killed mid-job, and gives what one machine gives', async () => {
    const queue = new Queue('deid', { connection: { url: redis.url }, prefix: 'deid' });
    const events = new QueueEvents('deid', { connection: { url: redis.url }, prefix: 'deid' });
    try {
      const run = deid('run', inputs, '--out', outQ, '--state', stateQ, '--rules', rules, '--no-pixels', '--queue', redis.url, '--attempts', '2');

      // Jobs enqueued before any worker exists: Redis holds them sealed, no identity in clear.
      for (let i = 0; (await queue.getWaitingCount()) < Math.min(FILES + 4, 5000); i++) {
        if (i > 600) throw new Error('the jobs were not enqueued');
        await new Promise((r) => setTimeout(r, 50));
      }
      const enqueued = await redisText(redis.url);
      for (const needle of needles) expect(enqueued, needle).not.toContain(needle);

      // Worker w1 is frozen as soon as it holds a job, checked to hold it still, then killed; w4 replaces it.
      await events.waitUntilReady();
      let killedJob: string | undefined;
      const killed = new Promise<void>((resolve) => {
        events.on('active', async ({ jobId }) => {
          if (killedJob) return;
          const job = await Job.fromId(queue, jobId);
          if (job?.processedBy !== 'w1' || killedJob) return;
          killedJob = jobId;
          workers[0].child.kill('SIGSTOP');
          if ((await queue.getJobState(jobId)) !== 'active') {
            killedJob = undefined; // it finished before the freeze: try the next one
            workers[0].child.kill('SIGCONT');
            return;
          }
          workers[0].child.kill('SIGKILL');
          workers.push(startWorker(redis.url, 'w4', workerArgs(stateQ)));
          resolve();
        });
      });
      workers.push(...['w1', 'w2', 'w3'].map((name) => startWorker(redis.url, name, workerArgs(stateQ))));
      await killed;
      const result = await run;
      expect(await workers[0].exited).toBe('SIGKILL');
      expect(result.code, result.stderr).toBe(1); // the blocked input failed
      expect(result.stdout).toMatch(new RegExp(`${FILES + 2} de-identified, 1 failed, 1 skipped`));
      expect(result.stdout).toMatch(/1 job\(s\) failed for good/);
      // The killed worker's job went back to the queue once its lock expired, and was done by another.
      expect(result.stdout).toMatch(/[1-9]\d* job\(s\) taken back from a stopped worker/);

      // The same inputs on one machine, with the same secret.
      const local = await deid('run', inputs, '--out', outLocal, '--state', stateLocal, '--rules', rules, '--no-pixels');
      expect(local.code).toBe(1);

      // Every input once, in input order, with the statuses and outputs of the one-machine run.
      const queued = manifestLines(path.join(stateQ, 'manifest.jsonl'));
      const single = manifestLines(path.join(stateLocal, 'manifest.jsonl'));
      expect(queued.map((e) => e.input)).toEqual(single.map((e) => e.input));
      expect(new Set(queued.map((e) => e.input)).size).toBe(queued.length);
      expect(queued.map((e) => [e.status, e.output, e.actions, e.warnings])).toEqual(single.map((e) => [e.status, e.output, e.actions, e.warnings]));
      const blockedEntry = queued.find((e) => String(e.input).endsWith('ZZ_BLOCKED.dcm'))!;
      expect(blockedEntry.error).toMatch(/failed for good.*cannot write the output/);
      expect(blockedEntry.error).not.toContain('ZZ_BLOCKED');
      // The two inputs with one SOP Instance UID: the later one numbered, as on one machine.
      expect(queued.filter((e) => String(e.output).endsWith('-2.dcm')).map((e) => path.basename(String(e.input)))).toEqual(['TWIN_B.dcm']);

      // Byte-identical outputs under the same names; the same maps.
      expect(tree(outQ)).toEqual(tree(outLocal));
      // (The one-machine run also keeps the entries its failed file mapped before its write failed; a
      // failed job hands back none. Every entry of a released output is in both.)
      const released = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).filter(([k]) => !k.startsWith('1.2.826.0.1.3680043.8.498.999.') && k !== 'MRN-BLOCKED'));
      for (const file of ['uid_map.json', 'patid_map.json']) expect(json(path.join(stateQ, file))).toEqual(released(json(path.join(stateLocal, file))));
      expect(Object.keys(json(path.join(stateQ, 'patid_map.json'))).sort()).toEqual(['MRN-700', 'MRN-701', 'MRN-702', 'MRN-703', 'MRN-704', 'MRN-TWIN']);
      // 10 studies × (study, series, frame of reference, requested procedure) + FILES × (SOP, referenced SOP) + the twins' 6.
      expect(Object.keys(json(path.join(stateQ, 'uid_map.json')))).toHaveLength(10 * 4 + FILES * 2 + 6);
      expect(readFileSync(path.join(stateQ, 'uid_mapping.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + Object.keys(json(path.join(stateQ, 'uid_map.json'))).length);

      // Nothing left in the queue but the dead letter of the blocked input.
      const counts = await queue.getJobCounts();
      expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 1, prioritized: 0 });
      const [dead] = await queue.getFailed();
      expect(dead.attemptsMade).toBe(2);
      expect(dead.failedReason).toMatch(/cannot write the output/);
      const left = await redisText(redis.url);
      expect(left).not.toMatch(/deid-run:|deid-claims:/);
      // Not even the event stream (it keeps the sealed results) holds an identity, a pseudonym or a new UID in clear.
      // The run's own pseudonyms and new UIDs, not their bare prefixes: `PAT-` turns up by chance inside
      // megabytes of sealed base64url.
      const store = openStateStore(stateQ);
      const made = [...store.patientIdMap.values(), ...store.uidMap.values()];
      expect(made.length).toBeGreaterThan(FILES);
      for (const needle of [...needles, ...made]) if (left.includes(needle)) expect.fail(`Redis holds ${needle} in clear`);

      // Run twice: what is done is skipped (its output still there); the blocked input fails again.
      const again = await deid('run', inputs, '--out', outQ, '--state', stateQ, '--rules', rules, '--no-pixels', '--queue', redis.url, '--attempts', '1');
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(new RegExp(`0 de-identified, 1 failed, ${FILES + 3} skipped[\\s\\S]*\\nof the skipped, ${FILES + 2} done by an earlier run`));
      const second = manifestLines(path.join(stateQ, 'manifest.jsonl'));
      expect(second.map((e) => e.output)).toEqual(queued.map((e) => e.output));
      expect(tree(outQ)).toEqual(tree(outLocal));
      expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 2 });

      // SIGTERM: the workers finish what they hold and exit 0.
      expect(await stopWorkers(workers.slice(1))).toEqual([0, 0, 0]);
    } finally {
      await events.close();
      await queue.close();
    }
  }, Math.max(240_000, FILES * 2_000)); // several processes on a shared machine
});

describe('deid run --queue on the sample images, pixels checked', () => {
  let redis: LoopbackRedis | undefined;
  const work = mkdtempSync(path.join(tmpdir(), 'deid-queue-pixels-'));
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startLoopbackRedis();
  });
  afterAll(async () => {
    await stopWorkers(workers);
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('two workers OCR and redact the sample set and give the one-machine run\'s manifest and bytes', async () => {
    const inputs = path.join(projectRoot, 'images/med_phi_img');
    const [stateQ, stateLocal, outQ, outLocal] = ['state-queue', 'state-local', 'out-queue', 'out-local'].map((d) => path.join(work, d));
    openStateStore(stateQ);
    cpSync(stateQ, stateLocal, { recursive: true });
    // The workers' default locks: an image's OCR may take longer than the short locks of the kill test.
    workers.push(...['p1', 'p2'].map((name) => startWorker(redis!.url, name, ['--state', stateQ])));
    const queued = await deid('run', inputs, '--out', outQ, '--state', stateQ, '--rules', rules, '--queue', redis!.url);
    const local = await deid('run', inputs, '--out', outLocal, '--state', stateLocal, '--rules', rules, '--jobs', '1');
    expect(queued.code, queued.stderr).toBe(0);
    expect(local.code, local.stderr).toBe(0);
    const q = manifestLines(path.join(stateQ, 'manifest.jsonl'));
    const l = manifestLines(path.join(stateLocal, 'manifest.jsonl'));
    expect(q.filter((e) => e.status === 'ok')).toHaveLength(8);
    // Burned-in text was found and filled on the workers as on one machine.
    expect(q.reduce((n, e) => n + Number(e.pixelBoxes ?? 0), 0)).toBeGreaterThan(0);
    expect(q.map((e) => [e.input, e.status, e.output, e.pixelBoxes, e.actions, e.warnings])).toEqual(l.map((e) => [e.input, e.status, e.output, e.pixelBoxes, e.actions, e.warnings]));
    expect(tree(outQ)).toEqual(tree(outLocal));
    expect(await stopWorkers(workers.splice(0))).toEqual([0, 0]);
  }, 600_000);
});
