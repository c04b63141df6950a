import { INestApplication } from '@nestjs/common';

/** Seed the demo organisation tree and the Jiujiang campaign once. Returns false if already there. */
export async function seedDemo(_app: INestApplication): Promise<boolean> {
  return false;
}
