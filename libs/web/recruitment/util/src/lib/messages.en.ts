/** English. Messages of the recruitment pages, loaded with their routes. This object defines the keys; the Korean one must have exactly the same. */
export const recruitmentEn = {
  'recruitment.calls.title': 'Open calls',
};
