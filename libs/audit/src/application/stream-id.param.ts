import { DomainError } from '@jingsai/shared';

/** `<category>-<id>`: a category without a dash, then an id (ARCHITECTURE.md, stream names). */
const STREAM_ID = /^[A-Za-z][A-Za-z0-9]{0,39}-[^\s]{1,200}$/;

export function streamIdParam(raw: string, field = 'streamId'): string {
  if (!STREAM_ID.test(raw)) {
    throw DomainError.invalidFields(
      'AUDIT.BAD_STREAM_ID',
      [field],
      '事件流名称应为「类别-标识」，如 project-7f1c…、organization-jj。',
      'A stream name is <category>-<id>, e.g. project-7f1c… or organization-jj.',
      { streamId: raw },
    );
  }
  return raw;
}
