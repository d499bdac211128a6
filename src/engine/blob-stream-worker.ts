// A worker that streams inputs for one tool worker: it receives a MessagePort, then on it one StreamRequest per
// sequential read of a mounted file, each served concurrently (a tool may read several files at once).
import { pumpBlob, type StreamRequest } from './blob-pump';

self.onmessage = (event: MessageEvent<MessagePort>) => {
  const port = event.data;
  port.onmessage = (request: MessageEvent<StreamRequest>) => void pumpBlob(request.data);
};
