// Kept out of the event-store barrel: loading this pulls in the KurrentDB client (gRPC + a native
// bridge), which only EVENT_STORE=kurrentdb needs.
export * from './kurrentdb-event-store';
export * from './kurrentdb-options';
