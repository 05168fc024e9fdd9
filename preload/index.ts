/**
 * The whole preload: `window.offprint` gets one function per request in `requestNames` (derived from
 * the list, never hand-written) and `on(event, listener)`. The page never sees ipcRenderer, an
 * IpcRendererEvent or any other Electron object. Runs sandboxed, so it may import only 'electron'
 * and the contract (which imports nothing); electron-vite bundles it as CommonJS.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  eventNames,
  IPC_EVENT_CHANNEL,
  IPC_REQUEST_CHANNEL,
  requestNames,
  type EventName,
  type OffprintBridge,
} from '../common/contract.ts';

type Listener = (payload: unknown) => void;

const listeners = new Map<EventName, Set<Listener>>();
let isListening = false;

const isEventName = (name: unknown): name is EventName => (eventNames as readonly unknown[]).includes(name);

/** One ipcRenderer listener for all subscriptions; it hands each listener the payload alone. */
function deliver(_event: IpcRendererEvent, message: unknown): void {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (!isEventName(event)) return;
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

function on(event: unknown, listener: unknown): () => void {
  if (!isEventName(event))
    throw new TypeError(`offprint.on: unknown event “${String(event).slice(0, 100)}”; expected one of ${eventNames.join(', ')}.`);
  if (typeof listener !== 'function') throw new TypeError('offprint.on: the listener must be a function.');
  if (!isListening) {
    ipcRenderer.on(IPC_EVENT_CHANNEL, deliver);
    isListening = true;
  }
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  const wrapped: Listener = (payload) => (listener as Listener)(payload);
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

const requests = Object.fromEntries(
  requestNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_REQUEST_CHANNEL, name, input)]),
);

/**
 * The paths of files the page was given (a drop, a file input): only the preload can ask Electron for
 * them, and the page gets strings, never the File's Node side. Anything that is not a File gives ''.
 * Main checks each path again before it copies or adds anything (main/library/addToLibrary.ts).
 */
function pathsOf(files: unknown): string[] {
  if (!Array.isArray(files)) throw new TypeError('offprint.pathsOf: expected an array of File objects.');
  return files.slice(0, 1000).map((file: unknown) => {
    try {
      return file instanceof File ? webUtils.getPathForFile(file) : '';
    } catch {
      return '';
    }
  });
}

const bridge = { ...requests, on, pathsOf } as unknown as OffprintBridge;

contextBridge.exposeInMainWorld('offprint', bridge);
