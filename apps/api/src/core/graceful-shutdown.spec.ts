import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { trackConnections } from './graceful-shutdown';

function get(port: number): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connectError(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on('error', (error: Error & { code?: string }) => resolve(error.code));
  });
}

describe('trackConnections (graceful shutdown)', () => {
  let server: Server;
  let port: number;
  let delayMs = 300;

  beforeEach(async () => {
    delayMs = 300;
    server = createServer((_req, res) => setTimeout(() => res.end('done'), delayMs));
    const drain = trackConnections(server);
    (server as Server & { drain?: typeof drain }).drain = drain;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => server.closeAllConnections());

  const drainOf = () => (server as Server & { drain: ReturnType<typeof trackConnections> }).drain;

  it('refuses new connections at once and lets accepted requests finish with Connection: close', async () => {
    const inFlight = get(port);
    await new Promise((r) => setTimeout(r, 50));
    const drained = drainOf()(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await connectError(port)).toBe('ECONNREFUSED');
    await expect(inFlight).resolves.toEqual({ status: 200, body: 'done', connection: 'close' });
    await expect(drained).resolves.toEqual({ finished: true, closedEarly: 0 });
  });

  it('gives a just-accepted connection time to send its request instead of closing it as idle', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const drained = drainOf()(5000);
    await new Promise((r) => setTimeout(r, 200));
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
    });
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200[\s\S]*done$/);
    await expect(drained).resolves.toEqual({ finished: true, closedEarly: 0 });
  });

  it('answers a request that reached the listener just after shutdown began, then refuses', async () => {
    delayMs = 10;
    const drained = drainOf()(5000);
    const late = get(port);
    await expect(late).resolves.toEqual({ status: 200, body: 'done', connection: 'close' });
    await expect(drained).resolves.toEqual({ finished: true, closedEarly: 0 });
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('closes what is still busy when the limit is reached', async () => {
    delayMs = 5000;
    const stuck = get(port).catch((error: Error & { code?: string }) => error.code);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await expect(drainOf()(300)).resolves.toEqual({ finished: false, closedEarly: 1 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await stuck).toBe('ECONNRESET');
  });
});
