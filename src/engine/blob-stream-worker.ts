// A worker that streams inputs for one tool worker: it receives a MessagePort, then on it one StreamRequest per
// sequential read of a mounted file, each served concurrently (a tool may read several files at once). The bytes
// it has streamed are on `self.lokusStreamedBytes`, for diagnosis (the engine's e2e test reads them).
import { pumpBlob, type StreamRequest } from './blob-pump';

const scope = self as unknown as { lokusStreamedBytes: number };
scope.lokusStreamedBytes = 0;

self.onmessage = (event: MessageEvent<MessagePort>) => {
  const port = event.data;
  port.onmessage = (request: MessageEvent<StreamRequest>) => {
    void pumpBlob(request.data).then((bytes) => (scope.lokusStreamedBytes += bytes));
  };
};
