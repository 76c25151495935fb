import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** A connection that never sent a request is given this long to send one once shutdown begins. */
const FIRST_REQUEST_GRACE_MS = 1000;
/** The listener closes once no connection arrived for this long … */
const LISTENER_QUIET_MS = 40;
/** … or after this long at most. */
const LISTENER_HOLD_MAX_MS = 500;
const POLL_MS = 20;

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

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Graceful HTTP shutdown for a server under load. Attach before `listen` (it wraps the server's
 * request listeners).
 *
 * Two ways a plain `server.close()` resets requests its clients consider accepted: it closes every
 * connection without a request in progress — including one just accepted whose request is still on
 * the wire — and the kernel resets every connection it completed that Node had not accepted yet
 * when the listening socket closes. So on shutdown:
 * 1. requests arriving from now on are held (not yet handled) while the listener stays open; once
 *    no new connection arrived for LISTENER_QUIET_MS (clients waiting on held answers send no
 *    more), or after LISTENER_HOLD_MAX_MS, the listener closes with nothing left in its queue;
 * 2. the held requests are released; every answer says `Connection: close`; a fresh connection gets
 *    FIRST_REQUEST_GRACE_MS to send its request; requests in progress run to their end;
 * 3. after `limitMs`, whatever is left is closed.
 */
export function trackConnections(server: Server): Drain {
  const sockets = new Map<Socket, Tracked>();
  let stopping = false;
  let held: (() => void)[] | null = null;
  let lastConnectionAt = 0;

  server.on('connection', (socket: Socket) => {
    lastConnectionAt = Date.now();
    sockets.set(socket, { openedAt: lastConnectionAt, active: 0, served: false });
    socket.once('close', () => sockets.delete(socket));
  });

  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const handler of handlers) handler.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const tracked = sockets.get(req.socket);
    if (tracked) {
      tracked.active += 1;
      res.once('close', () => {
        tracked.active -= 1;
        tracked.served = true;
        if (stopping && tracked.active === 0) req.socket.end();
      });
    }
    if (stopping) res.setHeader('Connection', 'close');
    if (held) held.push(() => handle(req, res));
    else handle(req, res);
  });

  return async (limitMs) => {
    stopping = true;
    held = [];
    const started = Date.now();
    lastConnectionAt = Math.max(lastConnectionAt, started);
    await new Promise<void>((resolve) => {
      // Decided in the check phase (setImmediate), right after a poll phase in which libuv accepted
      // whatever the kernel had queued: a connection queued just before would show as accepted now.
      // At least two checks, so at least one poll phase that may wait (the 5 ms timer) has run since
      // shutdown began: a process that stalled past the quiet time (a busy machine) still accepts the
      // connections the kernel completed meanwhile before it decides.
      let checks = 0;
      const quietYet = () => {
        const now = Date.now();
        checks += 1;
        const quiet = now - lastConnectionAt >= LISTENER_QUIET_MS || now - started >= LISTENER_HOLD_MAX_MS;
        if (quiet && checks >= 2) resolve();
        else setTimeout(() => setImmediate(quietYet), 5);
      };
      setImmediate(quietYet);
    });
    // Closed in this same check phase, with the accept queue as the last poll phase left it.
    // net.Server's close: stop listening without http.Server's closeIdleConnections(). (Its callback
    // would wait for every connection to end, which the loop below brings about.)
    NetServer.prototype.close.call(server);
    const release = held;
    held = null;
    for (const run of release) run();

    const deadline = started + limitMs;
    return new Promise((resolve) => {
      const check = () => {
        const now = Date.now();
        for (const [socket, t] of sockets) {
          if (t.active === 0 && (t.served || now - t.openedAt >= FIRST_REQUEST_GRACE_MS)) socket.end();
        }
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
