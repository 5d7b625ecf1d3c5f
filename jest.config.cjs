// Two projects: every test in UTC, and the date-sensitive layers (domain, app, adapters, bundle)
// again in Asia/Tokyo. Browser tests run once.
const common = {
  transform: { '^.+\\.tsx?$': '<rootDir>/test/esbuild-jest-transform.cjs' },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  rootDir: __dirname,
};
module.exports = {
  testTimeout: 60000,
  // Jest's default is one worker less than the cores: on CI's two cores that is one, and the last
  // clean-clone run took 14 min 52 s of wall time for 14 min 35 s of CPU (one core idle). Two
  // workers use both; every test file is independent (own fakes, own temp dirs, own browser).
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'UTC', testMatch: ['<rootDir>/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup-tz-utc.cjs'] },
    { ...common, displayName: 'Tokyo', testMatch: ['<rootDir>/test/{domain,app,gas,bundle}/**/*.test.ts', '<rootDir>/test/cli/weekly.test.ts', '<rootDir>/test/local/eml-mailer.test.ts'],
      setupFiles: ['<rootDir>/test/setup-tz-tokyo.cjs'] },
  ],
};
