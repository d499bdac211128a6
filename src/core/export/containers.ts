// Where each tool's pinned build comes from outside the browser: the Bioconda package and the BioContainers image
// (Docker from quay.io, Singularity from the Galaxy depot) of exactly the version compiled to wasm (wasm/tools.json).

export interface ToolPin {
  /** Tool directory name in wasm/tools.json ("htslib" for bgzip/tabix/htsfile). */
  tool: string;
  version: string;
  /** Bioconda package and version, for a conda environment. */
  conda: string;
  /** Docker image: quay.io/biocontainers/<name>:<tag>. */
  docker: string;
  /** Singularity image of the same tag from the Galaxy depot. */
  singularity: string;
  /** Why this image, when it is not the tool's own (htslib's programs). */
  note?: string;
}

const DEPOT = 'https://depot.galaxyproject.org/singularity/';

function pin(tool: string, version: string, image: string, conda: string, note?: string): ToolPin {
  return {
    tool,
    version,
    conda,
    docker: `quay.io/biocontainers/${image}`,
    singularity: `${DEPOT}${image}`,
    ...(note ? { note } : {}),
  };
}

const SAMTOOLS = pin('samtools', '1.16.1', 'samtools:1.16.1--h6899075_1', 'bioconda::samtools=1.16.1');

/** Tool name -> its pin. The tags are the BioContainers builds of the versions Lokus compiles. */
export const TOOL_PINS: Readonly<Record<string, ToolPin>> = {
  samtools: SAMTOOLS,
  bcftools: pin('bcftools', '1.16', 'bcftools:1.16--hfe4b78e_1', 'bioconda::bcftools=1.16'),
  minimap2: pin('minimap2', '2.24', 'minimap2:2.24--h7132678_1', 'bioconda::minimap2=2.24'),
  seqtk: pin('seqtk', '1.4', 'seqtk:1.4--he4a0461_1', 'bioconda::seqtk=1.4'),
  bedtools: pin('bedtools', '2.30.0', 'bedtools:2.30.0--hc088bd4_0', 'bioconda::bedtools=2.30.0'),
  // htslib has no image of its own pinned here: the samtools 1.16.1 image carries htslib 1.16's bgzip and tabix.
  htslib: {
    ...SAMTOOLS,
    tool: 'htslib',
    version: '1.16',
    conda: 'bioconda::htslib=1.16',
    note: 'bgzip, tabix and htsfile come from htslib 1.16, which the samtools 1.16.1 image carries',
  },
};

/** The pin of the tool a program belongs to, or undefined for a program Lokus does not ship. */
export function pinOf(tool: string): ToolPin | undefined {
  return TOOL_PINS[tool];
}
