import { webJestConfig } from '../../../jest.web.preset';

export default webJestConfig('web-i18n', __dirname);
