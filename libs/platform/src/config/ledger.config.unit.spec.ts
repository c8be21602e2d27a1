import { InvalidConfiguration, loadLedgerConfig } from './ledger.config';

describe('loadLedgerConfig', () => {
  it('runs on the embedded SQLite store with no variables set', () => {
    const config = loadLedgerConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      LEDGER_STORE: 'sqlite',
      LEDGER_SQLITE_FILE: 'data/ledger.sqlite',
      LEDGER_SQLITE_SYNCHRONOUS: 'FULL',
    });
  });

  it('names the variable and the rule when a value is bad', () => {
    expect(() => loadLedgerConfig({ PORT: 'eighty' })).toThrow(/PORT=.*must be an integer/);
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'mysql' })).toThrow(InvalidConfiguration);
  });

  it('requires the connection string of the chosen production store', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres' })).toThrow(/DATABASE_URL: required/);
    const secret = `hex:${'ab'.repeat(32)}`;
    expect(
      loadLedgerConfig({ LEDGER_STORE: 'postgres', DATABASE_URL: 'postgres://x', LEDGER_PSEUDONYMISATION_SECRET: secret }).DATABASE_URL,
    ).toBe('postgres://x');
  });

  it('refuses a production store without the secret that keys child pseudonyms', () => {
    expect(() => loadLedgerConfig({ LEDGER_STORE: 'postgres', DATABASE_URL: 'postgres://x' })).toThrow(
      /LEDGER_PSEUDONYMISATION_SECRET: required/,
    );
  });
});
