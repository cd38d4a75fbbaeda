// Worker thread of the demo population load (people.chunk-maker.ts starts it): generates a grid's
// chunk and seals its numbers, so that the main thread only reads places and writes rows. It makes
// its cipher from the same key as the application's, and proves it on start by sealing a probe
// the main thread checks with the application's own cipher.

import { parentPort, workerData } from 'node:worker_threads';
import { createFieldCipher } from '../../lib/field-crypto';
import { generateGridChunk, sealGridChunk } from './people.chunk';
import { cipherProbe, type WorkerRequest } from './people.chunk-maker';
import { inThreadSealer } from './people.seal';

const port = parentPort;
// Only as the worker people.chunk-maker.ts starts: imported anywhere else, this file does nothing.
if (port && workerData?.demoPeopleWorker === true) {
  const cipher = createFieldCipher({ key: Buffer.from(workerData.key as Uint8Array) });
  const seal = inThreadSealer(cipher);
  port.postMessage({ ready: cipherProbe(cipher) });
  port.on('message', async (request: WorkerRequest) => {
    try {
      const chunk = generateGridChunk(request.places, request.context);
      const sealed = await sealGridChunk(chunk, { seal, today: request.context.today });
      port.postMessage({ id: request.id, chunk: sealed });
    } catch (error) {
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
