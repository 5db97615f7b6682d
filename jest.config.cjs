// Jest runs TypeScript through a tiny esbuild transform; tests live under test/ and mirror src/, sidebar/ and tools/.
process.env.TZ = 'Etc/UTC'; // the emulator's Date local-time methods follow the host zone; keep it the manifest's
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/tools/build/jest-esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tools/build/jest-summary-reporter.cjs'],
};
