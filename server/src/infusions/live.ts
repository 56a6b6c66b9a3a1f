import { EventEmitter } from 'node:events';

/** Sends "infusion X changed" to every server process (PostgreSQL NOTIFY); resolves once sent. */
export type LiveRelay = (infusionId: string) => Promise<void>;

/**
 * Fan-out of "infusion X changed" to the consoles' Server-Sent-Events streams, called only after the
 * change committed. With one process (PGlite) it is an in-process emitter; on a PostgreSQL server a
 * relay NOTIFYs every process, and each process's LISTEN connection calls `deliver` (see live-postgres.ts).
 */
export class LiveInfusions {
  private readonly emitter = new EventEmitter();
  private relay: LiveRelay | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** From now on changes go through the relay; its LISTEN side delivers them back here. */
  useRelay(relay: LiveRelay): void {
    this.relay = relay;
  }

  subscribe(infusionId: string, listener: () => void): () => void {
    this.emitter.on(infusionId, listener);
    return () => this.emitter.off(infusionId, listener);
  }

  changed(infusionId: string): void {
    if (!this.relay) {
      this.deliver(infusionId);
      return;
    }
    // If the notification cannot be sent, this process's consoles still hear of it.
    this.relay(infusionId).catch(() => this.deliver(infusionId));
  }

  deliver(infusionId: string): void {
    this.emitter.emit(infusionId);
  }
}
