import { SqliteEventStore } from '../sqlite-event-store';

/**
 * A second OS process appending to the same SQLite file, for the cross-process test:
 * `node sqlite-appender.process.js <file> <writer> <appends> <eventsPerAppend>`.
 * Exits non-zero (with the error on stderr) if any append fails.
 */
async function main(): Promise<void> {
  const [filename, writer, appends, perAppend] = process.argv.slice(2);
  const store = new SqliteEventStore({ filename });
  for (let i = 0; i < Number(appends); i++) {
    const events = Array.from({ length: Number(perAppend) }, (_, n) => ({ type: 'Tick', data: { writer, i, n } }));
    await store.append(`${writer}-${i % 5}`, events);
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
