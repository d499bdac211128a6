// A worker that streams inputs for one tool worker: it receives a MessagePort, then on it one StreamRequest per
// sequential read of a mounted file, each served concurrently (a tool may read several files at once). The bytes
// it has streamed are on `self.lokusStreamedBytes`, for diagnosis (the engine's e2e test reads them). A second
// message starts its heartbeat (worker-beat.ts).
import { pumpBlob, type StreamRequest } from './blob-pump';
import { Heartbeat, type BeatSetup } from './worker-beat';

const scope = self as unknown as { lokusStreamedBytes: number };
scope.lokusStreamedBytes = 0;

// Its event loop is never held (reads and waits are asynchronous), so it always beats.
self.onmessage = (event: MessageEvent<MessagePort | BeatSetup>) => {
  if (!(event.data instanceof MessagePort)) return void new Heartbeat(event.data);
  const port = event.data;
  port.onmessage = (request: MessageEvent<StreamRequest>) => {
    void pumpBlob(request.data).then((bytes) => (scope.lokusStreamedBytes += bytes));
  };
};
