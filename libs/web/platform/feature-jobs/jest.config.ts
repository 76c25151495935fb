import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-platform-feature-jobs', __dirname);
