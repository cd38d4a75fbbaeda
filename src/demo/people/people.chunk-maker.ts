// Where a grid's chunk is generated and sealed: in a worker thread when the key can be handed to
// one, so that this thread only reads places and writes rows (and the two run side by side on two
// cores), or in this thread otherwise. Both make identical chunks: the worker's cipher is checked
// against the application's before it is used.

import { Worker } from 'node:worker_threads';
import type { FieldCipher } from '../../lib/field-crypto';
import { type ChunkContext, generateGridChunk, type SealedGridChunk, sealGridChunk } from './people.chunk';
import type { GridPlaces } from './people.places';
import { inThreadSealer } from './people.seal';

export const CIPHER_PROBE = 'grassroots demo worker probe';

export interface WorkerRequest {
  id: number;
  places: GridPlaces;
  context: ChunkContext;
}

type WorkerReply = { ready: CipherProbe } | { id: number; chunk?: SealedGridChunk; error?: string };

export interface ChunkMaker {
  /** Where chunks are made, for the log. */
  readonly where: 'worker thread' | 'main thread';
  make(places: GridPlaces, context: ChunkContext): Promise<SealedGridChunk>;
  close(): Promise<void>;
}

export function inThreadChunkMaker(cipher: FieldCipher): ChunkMaker {
  const seal = inThreadSealer(cipher);
  return {
    where: 'main thread',
    make: async (places, context) =>
      sealGridChunk(generateGridChunk(places, context), { seal, today: context.today }),
    close: async () => {},
  };
}

/**
 * Starts one of this folder's worker modules. Under tsx (this file is .ts) the module is loaded
 * through tsx's API, since a worker does not inherit tsx's loader for its entry; compiled
 * JavaScript is loaded directly.
 */
export function spawnDemoWorker(module: 'people.worker' | 'people.load-worker', workerData: object): Worker {
  // Loaded through tsx's API, this module's URL carries a query after its path.
  const typescript = new URL(import.meta.url).pathname.endsWith('.ts');
  const url = new URL(`./${module}${typescript ? '.ts' : '.js'}`, import.meta.url);
  if (!typescript) return new Worker(url, { workerData });
  const target = JSON.stringify(url.href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${target}, ${target}))`, {
    eval: true,
    workerData,
  });
}

export interface CipherProbe {
  hash: string;
  enc: string;
}

/** What a worker's cipher makes of the probe, to show that it is the application's. */
export function cipherProbe(cipher: FieldCipher): CipherProbe {
  return { hash: cipher.blindIndex(CIPHER_PROBE), enc: cipher.encrypt(CIPHER_PROBE) };
}

/** Same key, same cipher: the blind index matches and our cipher opens the worker's ciphertext. */
export function sameCipher(cipher: FieldCipher, probe: CipherProbe): boolean {
  try {
    return probe.hash === cipher.blindIndex(CIPHER_PROBE) && cipher.decrypt(probe.enc) === CIPHER_PROBE;
  } catch {
    return false;
  }
}

/**
 * A worker thread making chunks with a cipher made from `key`; null when no worker could be started
 * or its cipher is not the application's (then the caller makes chunks in its own thread).
 */
export async function startWorkerChunkMaker(opts: {
  cipher: FieldCipher;
  key: Buffer;
}): Promise<ChunkMaker | null> {
  let worker: Worker;
  try {
    worker = spawnDemoWorker('people.worker', { key: new Uint8Array(opts.key), demoPeopleWorker: true });
  } catch {
    return null;
  }
  const pending = new Map<number, { resolve: (c: SealedGridChunk) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const ready = new Promise<boolean>((resolve) => {
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        resolve(sameCipher(opts.cipher, reply.ready));
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.chunk) waiting?.resolve(reply.chunk);
      else waiting?.reject(new Error(reply.error ?? 'the demo worker sent nothing back'));
    });
    worker.on('error', (error) => {
      failure = error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      resolve(false);
    });
    worker.on('exit', () => {
      failure ??= new Error('the demo worker exited');
      for (const waiting of pending.values()) waiting.reject(failure);
      pending.clear();
      resolve(false);
    });
  });
  if (!(await ready)) {
    await worker.terminate();
    return null;
  }
  let next = 0;
  return {
    where: 'worker thread',
    make(places, context) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<SealedGridChunk>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, places, context } satisfies WorkerRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
