import { EventEmitter } from 'node:events';

/**
 * In-process fan-out of "infusion X changed" to the console's Server-Sent-Events streams.
 * Published only after the change committed. One server process today; several servers would
 * relay the same signal through PostgreSQL LISTEN/NOTIFY (see ARCHITECTURE.md).
 */
export class LiveInfusions {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  subscribe(infusionId: string, listener: () => void): () => void {
    this.emitter.on(infusionId, listener);
    return () => this.emitter.off(infusionId, listener);
  }

  changed(infusionId: string): void {
    this.emitter.emit(infusionId);
  }
}
