// How the gateway's node:http server lives and ends: timeouts that stop a stalled client from
// holding a connection for minutes, and a graceful drain on shutdown (contract section 9:
// stop accepting, let requests in flight finish up to a drain timeout, then close).
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { HttpConfig } from '../config.js';

/**
 * Options for `createServer`. Node checks the headers and request deadlines only every
 * `connectionsCheckingInterval` (30 s by default), which is why its 60 s headers timeout held
 * unfinished headers 77–90 s; checked every second, a deadline is kept to about a second.
 */
export function serverOptions(http: HttpConfig): ServerOptions {
  return {
    headersTimeout: http.headersTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, http.headersTimeoutMs),
  };
}

export class ServerLifecycle {
  private readonly inFlight = new Set<ServerResponse>();
  private drainingSince: number | null = null;

  constructor(private readonly server: Server) {
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => this.track(response));
  }

  /** True from the moment a drain starts: /readiness answers 503 so load balancers stop sending. */
  get draining(): boolean {
    return this.drainingSince !== null;
  }

  private track(response: ServerResponse): void {
    // A request that slips in on a kept-alive connection during the drain is served, then its
    // connection is closed.
    if (this.draining && !response.headersSent) response.setHeader('connection', 'close');
    this.inFlight.add(response);
    response.once('close', () => {
      this.inFlight.delete(response);
      if (this.draining) this.server.closeIdleConnections();
    });
  }

  /**
   * Stops accepting connections, lets the requests in flight finish (each answer closes its
   * connection), and resolves once none is left, or after `timeoutMs`, when the connections
   * still open are cut. Resolves to the number of requests cut short.
   */
  async drain(timeoutMs: number): Promise<number> {
    if (this.draining) return 0;
    this.drainingSince = Date.now();
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return 0;
    const cut = this.inFlight.size;
    this.server.closeAllConnections();
    await closed;
    return cut;
  }
}
