// Jest global setup: nothing to start for unit tests. Integration and e2e tests find their
// services through the environment that `scripts/with-services.sh` (used by `npm test`) sets.
module.exports = async () => {};
