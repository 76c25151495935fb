import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** A connection that never sent a request is given this long to send one once shutdown begins. */
const FIRST_REQUEST_GRACE_MS = 1000;
const POLL_MS = 50;

interface Tracked {
  openedAt: number;
  /** Requests read on this connection and not yet answered. */
  active: number;
  /** Whether a request was ever answered on it (then, idle means idle keep-alive). */
  served: boolean;
}

export interface Drain {
  /** Stop accepting, let accepted requests finish (bounded by `limitMs`), then close what is left. */
  (limitMs: number): Promise<{ finished: boolean; closedEarly: number }>;
}

/**
 * Graceful HTTP shutdown for a server under load. Node's `server.close()` also closes every
 * connection without a request in progress — including ones just accepted whose request is still
 * on the wire, which their clients see as a reset. Here the listener closes first (new connections
 * are refused), every answer from then on says `Connection: close`, a fresh connection gets
 * FIRST_REQUEST_GRACE_MS to send its request, and requests in progress run to their end; after
 * `limitMs` whatever is left is closed. Attach before `listen`.
 */
export function trackConnections(server: Server): Drain {
  const sockets = new Map<Socket, Tracked>();
  let stopping = false;

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { openedAt: Date.now(), active: 0, served: false });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const tracked = sockets.get(req.socket);
    if (!tracked) return;
    tracked.active += 1;
    if (stopping) res.setHeader('Connection', 'close');
    res.once('close', () => {
      tracked.active -= 1;
      tracked.served = true;
      if (stopping && tracked.active === 0) req.socket.end();
    });
  });

  return async (limitMs) => {
    stopping = true;
    await closeListenerAfterAccepts(server);
    const deadline = Date.now() + limitMs;
    const closeIdle = (now: number) => {
      for (const [socket, t] of sockets) {
        if (t.active > 0) continue;
        if (t.served || now - t.openedAt >= FIRST_REQUEST_GRACE_MS) socket.end();
      }
    };
    return new Promise((resolve) => {
      const check = () => {
        const now = Date.now();
        closeIdle(now);
        if (sockets.size === 0) return resolve({ finished: true, closedEarly: 0 });
        if (now >= deadline) {
          const left = sockets.size;
          for (const socket of sockets.keys()) socket.destroy();
          return resolve({ finished: false, closedEarly: left });
        }
        setTimeout(check, POLL_MS);
      };
      check();
    });
  };
}

/**
 * Closes the listening socket without http.Server's closeIdleConnections() (net.Server's close;
 * its callback would wait for every connection to end, which the drain loop brings about).
 * Connections the kernel completed but Node has not accepted yet are reset when the listener
 * closes, so the close is placed where that queue was just emptied: libuv accepts every queued
 * connection in one go when the listener is readable, and the check phase (setImmediate) right
 * after that I/O pass is the earliest moment after it. Without connections for LISTENER_QUIET_MS,
 * the queue is empty anyway.
 */
const LISTENER_QUIET_MS = 50;
function closeListenerAfterAccepts(server: Server): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const close = () => {
      if (done) return;
      done = true;
      clearTimeout(quiet);
      server.off('connection', onConnection);
      NetServer.prototype.close.call(server);
      resolve();
    };
    const onConnection = () => setImmediate(close);
    const quiet = setTimeout(close, LISTENER_QUIET_MS);
    server.on('connection', onConnection);
  });
}
