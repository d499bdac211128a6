import { describe, expect, it } from 'vitest';
import { alleleCountNote } from '../../../../src/core/variants/count-note';
import { describeQueryError, EMPTY_FILTER, type VariantFilter } from '../../../../src/core/variants/browser-query';
import type { VcfHeader } from '../../../../src/core/parsers/vcf-header';

const HEADER: VcfHeader = {
  info: [{ id: 'AC' }, { id: 'AN' }, { id: 'AF' }] as VcfHeader['info'],
  format: [{ id: 'GT' }] as VcfHeader['format'],
  samples: ['HG00096', 'HG00097', 'HG00099'],
};
const filter = (patch: Partial<VariantFilter>): VariantFilter => ({ ...EMPTY_FILTER, ...patch });

describe('alleleCountNote', () => {
  it.each([
    // filter, INFO columns, note part (null: no note)
    [filter({}), ['AC', 'AF'], null],
    [filter({ samples: ['HG00097'] }), ['DP'], null],
    // query -s alone keeps the file's INFO values
    [filter({ samples: ['HG00097'] }), ['AC', 'AN', 'AF'], "AC, AN, AF: the file's own values, over all its 3 samples"],
    // view -s | view -i recounts AC/AN (native: 751 2184 0.34 becomes 0 2 0.34 at 22:50300078 for HG00097)
    [
      filter({ samples: ['HG00097'], genotype: 'alt' }),
      ['AC', 'AN', 'AF'],
      "AC and AN recounted by bcftools view -s over the ticked samples (HG00097) only. AF is the file's own value",
    ],
    [filter({ samples: ['HG00097'], expression: 'FMT/GT="het"' }), ['AN'], 'AN recounted'],
  ])('%j with %j', (f, info, note) => {
    const text = alleleCountNote(f, HEADER, info);
    if (note === null) expect(text).toBeUndefined();
    else expect(text).toContain(note);
  });
});

it.each([
  // native bcftools 1.16 stderr for these expressions
  ['Error occurred while processing the filter "(INFO/AF<<0.05) && GT="het"" (1:1)', '(INFO/AF<<0.05) && GT="het"'],
  ['Error occurred while processing the filter "INFO/AF<<0.05" (1:1)', 'INFO/AF<<0.05'],
])('describeQueryError keeps the whole expression of %s', (stderr, expression) => {
  expect(describeQueryError(stderr, HEADER)).toContain(`the expression "${expression}":`);
});
