import { InMemoryEventStore } from './in-memory-event-store';
import { describeEventStoreContract } from './testing/event-store.contract';

describeEventStoreContract('InMemoryEventStore', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    // One process, one log: another client is the same instance.
    openAnother: async () => Object.assign(Object.create(store) as InMemoryEventStore, { close: async () => undefined }),
    tamper: async (position) => store.tamper(position, (event) => (event.data = { ...event.data, tampered: true })),
    dispose: () => store.close(),
  };
});
