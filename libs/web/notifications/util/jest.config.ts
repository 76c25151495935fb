import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-notifications-util', __dirname);
