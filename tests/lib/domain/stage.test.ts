import { describe, expect, it } from 'vitest';
import { stageFromSales } from '../../../lib/domain/stage';

describe('stageFromSales', () => {
  it.each([
    [0, 'prospect'],
    [1, 'customer'],
    [2, 'client'],
    [5, 'client'],
  ] as const)('%i sales -> %s', (sales, stage) => {
    expect(stageFromSales(sales)).toBe(stage);
  });

  it('a hand-set stage wins over the sales count', () => {
    expect(stageFromSales(5, 'former')).toBe('former');
    expect(stageFromSales(0, 'former')).toBe('former');
    expect(stageFromSales(0, 'client')).toBe('client');
    expect(stageFromSales(3, 'prospect')).toBe('prospect');
  });

  it('never derives "former" from sales', () => {
    for (const n of [0, 1, 2, 3, 10, 1000]) expect(stageFromSales(n)).not.toBe('former');
  });

  it('treats nonsense counts as no sales', () => {
    expect(stageFromSales(-1)).toBe('prospect');
    expect(stageFromSales(Number.NaN)).toBe('prospect');
  });
});
