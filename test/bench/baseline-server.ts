/**
 * The baselines the HTTP benchmarks compare with, on the same machine in the same run: a bare
 * Nest 11 + Fastify app with the same global ValidationPipe settings as the service, answering
 * a validated POST (and a GET), optionally doing one better-sqlite3 insert per POST in WAL mode
 * with synchronous=FULL (what one durable command costs at the least).
 * Run: node baseline-server.js <bare|insert> <port> [dataDir]
 */
import 'reflect-metadata';
import { Body, Controller, Get, Inject, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { join } from 'node:path';

class ItemDto {
  @IsString() @MaxLength(200) name!: string;
  @IsInt() @Min(0) quantity!: number;
}

const INSERT = Symbol('INSERT');
type Insert = ((name: string, quantity: number) => number) | null;

@Controller('items')
class ItemsController {
  constructor(@Inject(INSERT) private readonly insert: Insert) {}

  @Post()
  create(@Body() body: ItemDto) {
    const position = this.insert ? this.insert(body.name, body.quantity) : 0;
    return { id: body.name, position };
  }

  @Get()
  list() {
    return { items: [{ id: 'a', name: '挡车工技能比武', status: 'in_progress' }] };
  }
}

async function main(): Promise<void> {
  const [mode, port, dataDir] = process.argv.slice(2);
  let insert: Insert = null;
  if (mode === 'insert') {
    const db = new Database(join(dataDir!, 'baseline.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS items (position INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, quantity INTEGER NOT NULL, data TEXT NOT NULL)');
    const stmt = db.prepare('INSERT INTO items (name, quantity, data) VALUES (?, ?, ?)');
    insert = (name, quantity) => Number(stmt.run(name, quantity, JSON.stringify({ name, quantity, at: new Date().toISOString() })).lastInsertRowid);
  }
  @Module({ controllers: [ItemsController], providers: [{ provide: INSERT, useValue: insert }] })
  class BaselineModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BaselineModule, new FastifyAdapter({ logger: false }), { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write('listening\n');
}

void main();
