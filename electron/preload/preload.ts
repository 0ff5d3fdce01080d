/** The sandboxed preload: exposes window.kpw (see bridge.ts) and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('kpw', createBridge(ipcRenderer));
