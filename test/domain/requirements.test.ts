import { expect, it } from 'vitest';
import { intersectRequirements, normalizeRequirements, requirementSymbols, subtractRequirements, unionRequirements, type Requirement } from '../../server/domain/requirements';

it('normalises to ①②③ order without duplicates', () => {
  expect(normalizeRequirements(['admit', 'consult', 'admit'])).toEqual(['consult', 'admit']);
});
it('unions, intersects and subtracts sets', () => {
  expect(unionRequirements(['consult'], ['admit'], [])).toEqual(['consult', 'admit']);
  expect(intersectRequirements(['consult', 'examine', 'admit'], ['admit', 'examine'])).toEqual(['examine', 'admit']);
  expect(subtractRequirements(['consult', 'examine', 'admit'], ['examine'])).toEqual(['consult', 'admit']);
});
it('writes sets as the regulation’s symbols', () => {
  expect(requirementSymbols(['admit', 'consult'])).toBe('①③');
  expect(requirementSymbols([])).toBe('—');
});
it('does not mutate its input', () => {
  const input: Requirement[] = ['admit', 'consult'];
  normalizeRequirements(input);
  unionRequirements(input, ['examine']);
  expect(input).toEqual(['admit', 'consult']);
});
