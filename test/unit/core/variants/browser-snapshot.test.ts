import { describe, expect, it } from 'vitest';
import { decodeTag } from '../../../../src/core/analyses/tag';
import {
  decodeBrowserTag,
  encodeBrowserTag,
  type BrowserSnapshot,
} from '../../../../src/core/variants/browser-snapshot';
import { EMPTY_FILTER } from '../../../../src/core/variants/browser-query';

describe('variant browser snapshot tag', () => {
  it('round-trips every filter and column, including characters a query string escapes', () => {
    const snapshot: BrowserSnapshot = {
      file: 'my calls.vcf.gz',
      filter: {
        region: '22:50,300,000-50,310,000',
        panel: 'panel.bed',
        expression: 'QUAL>=30 && INFO/AF<0.05',
        expressionMode: 'exclude',
        samples: ['NA1', 'NA 2'],
        genotype: 'het',
      },
      infoFields: ['AF', 'DP'],
      annotationFields: ['Consequence', 'SYMBOL'],
    };
    const tag = encodeBrowserTag(snapshot, 'ab12cd34');
    expect(tag.startsWith('variant-browser/ab12cd34?in.file=my+calls.vcf.gz')).toBe(true);
    expect(decodeBrowserTag(tag)).toEqual(snapshot);
  });

  it('keeps defaults out of the tag and reads them back', () => {
    const snapshot: BrowserSnapshot = { file: 'x.bcf', filter: EMPTY_FILTER, infoFields: [], annotationFields: [] };
    expect(encodeBrowserTag(snapshot, 'x1')).toBe('variant-browser/x1?in.file=x.bcf');
    expect(decodeBrowserTag('variant-browser/x1?in.file=x.bcf')).toEqual(snapshot);
  });

  it('ignores analysis tags, and analyses find no analysis called variant-browser', () => {
    expect(decodeBrowserTag('alignment-qc/3f9c1a2b?in.bam=ex1.bam')).toBeUndefined();
    expect(decodeTag('variant-browser/x1?in.file=x.bcf')?.analysis).toBe('variant-browser');
  });
});
