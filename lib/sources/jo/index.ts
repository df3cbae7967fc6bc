/**
 * The Journal officiel index source (docs/reference/dila.md): where the DILA publishes the weekly
 * archives, and their pure reading: list a folder's archives, open one, read its issue. No browser
 * API and no network: the background fetches (lib/polling/index-run.ts), these only read what it fetched.
 */
export { DILA_HOST, folderUrl } from './folders';
export { parseListing, type ListedIssue, type ListingReading, type RefusedLink } from './listing';
export { openArchive, MAX_TAR_BYTES, type ArchiveFailure, type ArchiveResult } from './archive';
export { readIssue } from './issue';
export {
  chamberSchema,
  indexChamberOf,
  questionIdOf,
  type Chamber,
  type IssueContext,
  type IssueFormat,
  type IssueReading,
  type JoAnswer,
  type JoIssue,
  type JoQuestion,
  type JoQuestionKey,
  type Rejection,
} from './schemas';
