import { webJestConfig } from '../../../jest.web.preset';

export default webJestConfig('web-session', __dirname);
