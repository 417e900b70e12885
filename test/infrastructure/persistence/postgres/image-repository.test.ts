import { describeImageRepositoryContract } from '../../../contract/image-repository.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeImageRepositoryContract(engine);
