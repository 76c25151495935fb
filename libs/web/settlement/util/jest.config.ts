import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-settlement-util', __dirname);
