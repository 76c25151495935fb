import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-platform-util', __dirname);
