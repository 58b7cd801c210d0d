import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of PostgreSQL, so a test can make the database go away and come
 * back (or cut one connection mid-transaction) without touching the server others use.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private isDown = false;
  private cutMarker?: string;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    return new Promise((resolve, reject) => {
      let proxy: TcpProxy;
      const server = createServer((client) => {
        if (proxy.isDown) return void client.destroy();
        const upstream = connect(targetPort, targetHost);
        for (const s of [client, upstream]) {
          proxy.sockets.add(s);
          s.on('close', () => proxy.sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.on('data', (chunk: Buffer) => {
          if (proxy.cutMarker && chunk.toString('latin1').includes(proxy.cutMarker)) {
            proxy.cutMarker = undefined;
            client.destroy();
            upstream.destroy();
            return;
          }
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => client.write(chunk));
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        proxy = new TcpProxy(server, typeof address === 'object' && address ? address.port : 0);
        resolve(proxy);
      });
    });
  }

  /** Every open connection is dropped and new ones are refused until `up()`. */
  down(): void {
    this.isDown = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.isDown = false;
  }

  /** Drops the connection that next sends `marker` (e.g. an SQL statement), before it reaches the server. */
  cutWhenSent(marker: string): void {
    this.cutMarker = marker;
  }

  close(): Promise<void> {
    this.down();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
