import { SetMetadata } from '@nestjs/common';

export const READS_MODELS = 'jingsai:readsModels';

/**
 * The read models (projection names) a controller's or route's answers read, besides the
 * organisation tree every scope check reads. While a rebuild replays some read models, a query is
 * refused (503 READ_MODEL.REBUILDING) only when it reads one of them; a route that declares
 * nothing is refused during any rebuild. Declare a superset when in doubt: a name left out serves
 * half-built tables for the length of a rebuild.
 */
export const ReadsModels = (...projections: string[]) => SetMetadata(READS_MODELS, projections);
