// Wraps sidebar calls so every failure reaches the sidebar as one clear sentence.
import { AppError, isAppError, sentenceOf, toAppError } from '../../errors';

/** google.script.run passes only the message on, so the message must stand on its own. */
export function guarded<A extends unknown[], R>(call: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return call(...args);
    } catch (error) {
      if (isAppError(error)) throw error;
      const appError = toAppError(error);
      if (appError.code !== 'INTERNAL') throw appError;
      throw new AppError('INTERNAL', { reason: 'sidebar', message: sentenceOf(appError) });
    }
  };
}
