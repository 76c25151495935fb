import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-recruitment-util', __dirname);
