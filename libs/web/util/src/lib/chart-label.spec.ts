import { chartLabelLines } from './chart-label';

describe('chartLabelLines', () => {
  it('keeps a label that fits as it is', () => {
    expect(chartLabelLines('Other')).toBe('Other');
    expect(chartLabelLines('공공 서비스로 지속')).toBe('공공 서비스로 지속');
    expect(chartLabelLines('eighteen of these!')).toBe('eighteen of these!');
  });

  it('cuts a long label at spaces into lines no longer than the width', () => {
    expect(chartLabelLines('Service continued by a public body')).toEqual([
      'Service continued',
      'by a public body',
    ]);
    expect(chartLabelLines('Policy or ordinance adopted', 12)).toEqual(['Policy or', 'ordinance', 'adopted']);
  });

  it('gives a word longer than the width a line of its own, and ignores extra spaces', () => {
    expect(chartLabelLines('  a  Donaudampfschifffahrt  b ', 8)).toEqual(['a', 'Donaudampfschifffahrt', 'b']);
  });
});
