import { webJestConfig } from '../../../../jest.web.preset';

export default webJestConfig('web-bookings-feature-catalogue-admin', __dirname);
