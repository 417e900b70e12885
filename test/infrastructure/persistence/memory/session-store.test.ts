import { memorySessionStore } from '../../../../src/infrastructure/persistence/memory/session-store.js';
import { systemClock } from '../../../../src/infrastructure/system/system-clock.js';
import { describeSessionStoreContract } from '../../../contract/session-store.contract.js';

describeSessionStoreContract('memory', async () => ({ store: memorySessionStore(systemClock(), { tombstoneTtlS: 60 }), close: async () => undefined }));
