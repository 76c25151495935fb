import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-notifications-feature-bell', __dirname);
