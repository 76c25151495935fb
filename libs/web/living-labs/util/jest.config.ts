import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-living-labs-util', __dirname);
