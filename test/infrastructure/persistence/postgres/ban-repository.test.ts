import { describeBanRepositoryContract } from '../../../contract/ban-repository.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeBanRepositoryContract(engine);
