import { describeSocialRepositoriesContract } from '../../../contract/social-repositories.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeSocialRepositoriesContract(engine);
