// Lengths of the primary human chromosomes in GRCh37 and GRCh38: the one table build detection uses.
// Source: the assemblies' sequence reports from NCBI/GRC (GCF_000001405.13 GRCh37, GCF_000001405.26
// GRCh38; "Sequence-Length" of the assembled molecules). UCSC's hg19 differs from GRCh37 only in
// naming and in chrM, which is the older Yale sequence (NC_001807, 16571 bp) instead of the rCRS
// (NC_012920, 16569 bp); hg38 uses the rCRS like GRCh38.

export type BuildName = 'GRCh37' | 'GRCh38';

/** Canonical names are GRC style without a prefix: "1".."22", "X", "Y", "MT". */
export const PRIMARY_LENGTHS: Record<BuildName, Readonly<Record<string, number>>> = {
  GRCh37: {
    '1': 249250621,
    '2': 243199373,
    '3': 198022430,
    '4': 191154276,
    '5': 180915260,
    '6': 171115067,
    '7': 159138663,
    '8': 146364022,
    '9': 141213431,
    '10': 135534747,
    '11': 135006516,
    '12': 133851895,
    '13': 115169878,
    '14': 107349540,
    '15': 102531392,
    '16': 90354753,
    '17': 81195210,
    '18': 78077248,
    '19': 59128983,
    '20': 63025520,
    '21': 48129895,
    '22': 51304566,
    X: 155270560,
    Y: 59373566,
    MT: 16569,
  },
  GRCh38: {
    '1': 248956422,
    '2': 242193529,
    '3': 198295559,
    '4': 190214555,
    '5': 181538259,
    '6': 170805979,
    '7': 159345973,
    '8': 145138636,
    '9': 138394717,
    '10': 133797422,
    '11': 135086622,
    '12': 133275309,
    '13': 114364328,
    '14': 107043718,
    '15': 101991189,
    '16': 90338345,
    '17': 83257441,
    '18': 80373285,
    '19': 58617616,
    '20': 64444167,
    '21': 46709983,
    '22': 50818468,
    X: 156040895,
    Y: 57227415,
    MT: 16569,
  },
};

/** hg19's chrM (Yale NC_001807), which tells hg19 apart from GRCh37 when no other contig does. */
export const HG19_CHRM_LENGTH = 16571;

export const UCSC_NAMES: Record<BuildName, 'hg19' | 'hg38'> = { GRCh37: 'hg19', GRCh38: 'hg38' };
