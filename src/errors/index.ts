// The errors module's public face: codes inside, and the catalogue that turns them into sentences at the edge.
export * from './app-error';
export { sentenceFor, sentenceOf } from './catalogue';
export {
  BUSY_SKIP_SENTENCE,
  fullOnlySentence,
  scheduledAdvice,
  UNLISTED_IMPORT_SENTENCE,
  urlFetchNearLimitSentence,
} from './catalogue-schedule';
export type { BadInputDetails, ErrorDetailsByCode } from './details';
export { NEW_KEY_ADVICE } from './wording';
