// Preloaded (-r) into a service started with --cpu-prof: SIGUSR2 ends it with a normal exit, so
// node writes the profile (a signal-killed process would not).
process.on('SIGUSR2', () => process.exit(0));
