import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type EventName, type Events } from '../../common/contract.ts';
import type { SenderInfo } from './origin.ts';
import { answerRequest, eventMessage, type Dispatch } from './requests.ts';

/**
 * The only file that touches ipcMain (lint enforces it). One channel carries every request; the
 * decisions (sender check, name, input) live in requests.ts and main/api/dispatch.ts.
 */
function senderOf(event: IpcMainInvokeEvent): SenderInfo | null {
  // senderFrame is null once the frame has navigated away or been destroyed: such a request is refused.
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null, window: event.sender.id } : null;
}

/** `devOrigin`: the dev server's origin under `npm run dev`, whose page is trusted like the app's (origin.ts). */
export function serveIpc(dispatch: Dispatch, devOrigin: string | null = null): () => void {
  ipcMain.handle(IPC_REQUEST_CHANNEL, (event, name: unknown, input: unknown) =>
    answerRequest(dispatch, senderOf(event), name, input, devOrigin),
  );
  return () => ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
}

/** Sends one services event to the page, as `{ event, payload }` on the contract's event channel. */
export function sendEvent<E extends EventName>(contents: WebContents | null, event: E, payload: Events[E]): void {
  if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, eventMessage(event, payload));
}
