import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { newId } from '@jingsai/shared';
import { AppModule, AppModuleOptions } from './app.module';
import { AppConfig } from './config/app-config';
import { MetricsService, QueryCache, ReadConsistency, notModifiedOnSend, queryCacheFastPath } from '@jingsai/api-kit';
import { TokenService } from '@jingsai/auth';
import { ProblemDetailsFilter, methodNotAllowed } from './http/problem-details.filter';
import { documentProblems } from './http/openapi-problems';
import { documentConstraints } from './http/openapi-constraints';
import { documentHttpConventions } from './http/openapi-http';
import { documentedRoutes } from './http/openapi-routes';
import { PROBLEM_CONTENT_TYPE, frameworkProblem, isJsonContentType, shuttingDownProblem, unsupportedMediaType } from './http/problem-details';
import { createValidationPipe } from './http/validation.pipe';
import { RouteMethods } from './http/route-methods';
import { encodeHonourIds } from './http/honour-paths';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Build the whole application (used by main.ts and by the e2e tests): Fastify with a body
 * limit, correlation ids, problem+json errors everywhere, validation, OpenAPI.
 */
export async function createApp(config: AppConfig, options: AppModuleOptions & { logger?: LoggerService | false } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestIdHeader: CORRELATION_HEADER,
    genReqId: () => newId(),
    rewriteUrl: (req: { url?: string }) => encodeHonourIds(req.url ?? '/'),
    // Refused by the onRequest hook below, as a problem like any other (Fastify's own is bare JSON).
    return503OnClosing: false,
    logger: false,
    frameworkErrors: (error: { code?: string }, req: { url: string }, reply: any) => {
      const body = frameworkProblem(error, req.url);
      void reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, options), adapter, {
    logger: options.logger ?? false,
    bufferLogs: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  const logger = options.logger || null;
  // Nest registers its routes in init(): the hook sees every one.
  const routes = new RouteMethods();
  fastify.addHook('onRoute', (route: { method: string | string[]; url: string }) => routes.add(route.method, route.url));

  // Once stopping (SIGTERM), a request that arrives on a kept-alive connection is refused and the
  // connection closed; those already in flight are answered before the log and read models close.
  let closing = false;
  fastify.addHook('preClose', (done: () => void) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', async (req: any, reply: any) => {
    req.correlationId = String(req.id);
    req.startedAt = process.hrtime.bigint();
    reply.header(CORRELATION_HEADER, req.correlationId);
    if (closing) {
      return reply.code(503).header('retry-after', '5').header('content-type', PROBLEM_CONTENT_TYPE).send(shuttingDownProblem(req.url));
    }
    // A method the fixed route at this path does not take, which a route with an id in its place would take as an id.
    const allowed = routes.fixedRouteRefuses(req.method, req.url);
    if (allowed) {
      return reply.code(405).header('allow', allowed.join(', ')).header('content-type', PROBLEM_CONTENT_TYPE).send(methodNotAllowed(req.method, allowed, req.url));
    }
    // Commands take JSON only: a form or text body is refused before a parser reads it (Nest registers a form parser).
    const type = req.headers['content-type'];
    if (typeof type === 'string' && type.trim() !== '' && !isJsonContentType(type) && (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT')) {
      const body = unsupportedMediaType(type, req.url);
      return reply.code(415).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    }
  });
  fastify.addHook('onResponse', async (req: any, reply: any) => {
    // An answer that was already on its way when the stop began went without Connection: close:
    // its kept-alive socket, idle now, would hold the close open until the client dropped it.
    if (closing) fastify.server.closeIdleConnections();
    const route = req.routeOptions?.url ?? 'unmatched';
    const seconds = Number(process.hrtime.bigint() - (req.startedAt ?? process.hrtime.bigint())) / 1e9;
    metrics.httpDuration.labels(req.method, route, String(reply.statusCode)).observe(seconds);
    if (logger) {
      logger.log({ msg: 'request', correlationId: req.correlationId, method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(seconds * 1e4) / 10 }, 'HTTP');
    }
  });
  // Kept board, supervision and statistics answers go out here, before Nest's pipeline (auth included: the hook verifies the token).
  fastify.addHook('preHandler', queryCacheFastPath(app.get(QueryCache), app.get(TokenService), app.get(ReadConsistency)));
  fastify.addHook('onSend', notModifiedOnSend);
  // An answer sent while stopping closes its connection: a kept-alive one would hold the stop open.
  fastify.addHook('onSend', (_req: unknown, reply: any, payload: unknown, done: (err: null, payload: unknown) => void) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.useGlobalFilters(new ProblemDetailsFilter(routes));
  app.useGlobalPipes(createValidationPipe());
  // On SIGTERM/SIGINT: stop taking connections, answer the requests in flight, close the log and
  // read models, then exit 0 (a process manager reads the signal's 143 as a failure; pino flushes on exit).
  app.enableShutdownHooks([], { useProcessExit: true });
  enableCors(app, config);
  setupOpenApi(app);
  await app.init();
  return app;
}

function setupOpenApi(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Jingsai 竞赛 API')
    .setDescription(
      '劳动和技能竞赛闭环管理（项目申报、推进、评估、总结、表彰）的事件溯源工作流引擎。\n\n' +
        'Event-sourced workflow engine for labour and skills competitions. Every command is a POST to an action ' +
        'sub-resource and answers with the new stream revision (ETag) and the global position; pass `minPosition` ' +
        '(or `X-Min-Position`) on a query to read your own writes. Board, supervision and statistics answers carry an ' +
        '`ETag` of their content: poll them with `If-None-Match` and get 304 while they read the same. Send ' +
        '`Idempotency-Key` on any POST to make it safe to retry and `If-Match` with a revision to refuse lost updates ' +
        '(412). Errors are RFC 7807 problem+json with a ' +
        'stable `code` and `messageZh` / `messageEn`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const routes = documentedRoutes(app);
  const document = documentProblems(documentHttpConventions(documentConstraints(SwaggerModule.createDocument(app, doc), routes), routes));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { persistAuthorization: true } });
}

/**
 * A console served from another origin (CORS_ORIGINS) may call the API: the preflight names the
 * headers a console sends (the bearer token, If-Match for an edit, an Idempotency-Key for a retry,
 * X-Min-Position to read its writes), and the answers let it read what it needs next (the ETag for
 * If-Match, Location, whether a request was replayed, whether a query came from the cache, an
 * export's file name).
 * Tokens travel in Authorization, never in cookies, so no credentials are allowed.
 */
function enableCors(app: NestFastifyApplication, config: AppConfig): void {
  const origins = config.corsOrigins;
  if (origins === null) return;
  app.enableCors({
    origin: origins === '*' ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key', 'x-min-position', 'x-correlation-id'],
    exposedHeaders: ['etag', 'location', 'idempotent-replayed', 'x-query-cache', 'x-correlation-id', 'retry-after', 'allow', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
}
