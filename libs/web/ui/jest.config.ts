import { webJestConfig } from '../../../jest.web.preset';

export default webJestConfig('web-ui', __dirname);
