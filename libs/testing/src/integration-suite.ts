/**
 * An integration suite whose server is not given (its environment variable unset): skipped visibly, with the
 * reason printed and one test that holds the condition, so a run never passes it by in silence.
 */
export function describeSkippedSuite(suite: string, variable: string): void {
  describe(suite, () => {
    beforeAll(() => {
      console.log(`${suite} skipped: ${variable} is not set (docs/INTEGRATION.md)`);
    });

    it(`is skipped because ${variable} is not set`, () => {
      expect(process.env[variable] ?? '').toBe('');
    });
  });
}
