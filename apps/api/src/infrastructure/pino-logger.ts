import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Structured JSON logs (pino) for Nest's own logging, with the context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  static create(level: string): PinoNestLogger {
    return new PinoNestLogger(pino({ level, base: { service: 'jingsai-api' }, timestamp: pino.stdTimeFunctions.isoTime }));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, trace?: string): void {
    if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.pino[level]({ context, ...rest, ...(trace ? { trace } : {}) }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.pino[level]({ context, ...(trace ? { trace } : {}) }, String(message));
    }
  }
}
