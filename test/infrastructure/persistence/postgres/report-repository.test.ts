import { describeReportRepositoryContract } from '../../../contract/report-repository.contract.js';
import { ENGINES } from '../../../support/databases.js';

for (const engine of ENGINES) describeReportRepositoryContract(engine);
