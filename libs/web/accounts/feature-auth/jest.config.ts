import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-accounts-feature-auth', __dirname);
