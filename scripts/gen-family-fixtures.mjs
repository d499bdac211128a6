#!/usr/bin/env node
// Writes the teaching family (test/fixtures/family/): a synthetic trio with planted de novo, recessive,
// compound-het and X-linked variants and decoys (scripts/lib/family-sim.mjs), its FASTA (+.fai), Ensembl-style
// GFF3, bgzipped VCF (+.tbi), PED and truth.json. Seeded: reruns give the same bytes. Needs native bgzip, tabix.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { simulateTrio, TEACHING } from './lib/family-sim.mjs';

const dir = 'test/fixtures/family';
mkdirSync(dir, { recursive: true });
const t = simulateTrio({ autosomal: TEACHING.autosomal, x: TEACHING.x });
writeFileSync(`${dir}/teaching.fa`, t.fasta);
writeFileSync(`${dir}/teaching.fa.fai`, t.fai);
writeFileSync(`${dir}/teaching.gff3`, t.gff);
writeFileSync(`${dir}/teaching.ped`, t.ped);
writeFileSync(`${dir}/teaching.vcf`, t.vcf);
execFileSync('bgzip', ['-f', `${dir}/teaching.vcf`]);
execFileSync('tabix', ['-f', '-p', 'vcf', `${dir}/teaching.vcf.gz`]);
writeFileSync(`${dir}/teaching.truth.json`, JSON.stringify({ truth: t.truth, genes: t.genes }, null, 1) + '\n');
console.log(`${dir}: ${t.records.length} records, ${t.truth.length} planted calls`);
