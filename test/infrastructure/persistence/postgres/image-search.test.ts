import { describeImageSearchContract } from '../../../contract/image-search.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeImageSearchContract(engine);
