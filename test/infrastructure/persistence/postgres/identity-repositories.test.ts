import { describeIdentityRepositoriesContract } from '../../../contract/identity-repositories.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeIdentityRepositoriesContract(engine);
