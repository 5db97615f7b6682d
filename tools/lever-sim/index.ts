// Public surface of the Lever Data API v1 simulator: the in-process handler, the loopback server and the generator.
// Decisions the reference leaves open are documented in README.md next to this file.

export { INVALID_OFFSET_MESSAGE, SimHttpError, SimNetworkError } from './errors';
export { type GenerateOptions, generateDataset } from './generate';
export {
  MUTATION_KINDS,
  type MutateOptions,
  type MutationKind,
  type MutationReport,
  mutateDataset,
} from './generate/mutate';
export {
  changeOffer,
  mutateOffers,
  type OfferChange,
  type OfferMutationOptions,
} from './generate/mutate-offers';
export * from './offer-types';
export { type SimServer, type SimServerOptions, startSimServer } from './server';
export { DEFAULT_HOSTS, LeverSimulator, type LeverSimulatorOptions } from './simulator';
export * from './types';
