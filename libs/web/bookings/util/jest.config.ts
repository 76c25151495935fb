import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-bookings-util', __dirname);
