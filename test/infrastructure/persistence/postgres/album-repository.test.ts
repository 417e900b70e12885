import { describeAlbumRepositoryContract } from '../../../contract/album-repository.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeAlbumRepositoryContract(engine);
