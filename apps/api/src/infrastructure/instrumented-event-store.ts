import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, StreamHead, SubscribeOptions, Subscription } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import { Histogram } from 'prom-client';

/** Times every append for /metrics; everything else passes straight through. */
export class InstrumentedEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly appendSeconds: Histogram,
  ) {}

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const stop = this.appendSeconds.startTimer();
    try {
      return await this.inner.append(streamId, events, expectedRevision);
    } finally {
      stop();
    }
  }
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }
  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }
  streamRevision(streamId: string): Promise<number | null> {
    return this.inner.streamRevision(streamId);
  }
  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }
  findCommand(streamId: string, commandId: string): Promise<AppendResult | null> {
    return this.inner.findCommand(streamId, commandId);
  }
  async findCommandStream(commandId: string): Promise<string | null> {
    return this.inner.findCommandStream ? this.inner.findCommandStream(commandId) : null;
  }
  async streamHeads(streamId?: string): Promise<StreamHead[]> {
    return this.inner.streamHeads ? this.inner.streamHeads(streamId) : [];
  }
  changeToken(): number | null {
    return this.inner.changeToken ? this.inner.changeToken() : null;
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
