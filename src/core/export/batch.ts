// A batch export: the steps of the first sample's runs, and a samplesheet row for every other sample of the batch,
// whose files must follow the first sample's names ("s2.bam" for "ex1.bam"), so that each row's commands are
// exactly those Lokus ran for that sample and its outputs can be checked against the browser's too.
import { ExportRefusal, type ExportFile, type ExportModel, type ExportSample } from './model';
import { render, sampleIdOf } from './names';

export function withSamples(
  model: ExportModel,
  rows: readonly Readonly<Record<string, string>>[],
  files: readonly ExportFile[],
): ExportModel {
  const perSample = model.columns.filter((c) => c.role === 'sample');
  const fileOf = (name: string): ExportFile => {
    const file = files.find((f) => f.name === name);
    if (!file?.available)
      throw new ExportRefusal(`${name} is not available in this session now: pick it again, then export the batch.`);
    return file;
  };
  const samples = rows.map((inputs): ExportSample => {
    const first = perSample[0] && inputs[perSample[0].key];
    if (!first) throw new ExportRefusal('A sample of the batch has no input file: run the batch again, then export.');
    const id = sampleIdOf(first, fileOf(first).format);
    for (const shared of model.columns.filter((c) => c.role === 'shared'))
      if (inputs[shared.key] !== undefined && inputs[shared.key] !== shared.name)
        throw new ExportRefusal(
          `Sample ${id} used ${inputs[shared.key]} as ${shared.key}, the others ${shared.name}: a workflow shares one ${shared.key}; run the batch with one.`,
        );
    const sampleFiles = perSample.flatMap((column) => {
      const name = inputs[column.key];
      if (name === undefined || render(column.staged, id) !== name)
        throw new ExportRefusal(
          `Sample ${id}'s ${column.key} is ${name ?? 'missing'}, not ${render(column.staged, id)} as the first sample's names say: rename the file (or export its analysis on its own).`,
        );
      const file = fileOf(name);
      const index = column.index && file.indexName ? fileOf(file.indexName) : undefined;
      if (column.index && !index)
        throw new ExportRefusal(`${name} has no index in this session: create it (Files), then export the batch.`);
      return [
        { key: column.key, name, size: file.size, fingerprint: file.fingerprint },
        ...(index
          ? [{ key: `${column.key}_index`, name: index.name, size: index.size, fingerprint: index.fingerprint }]
          : []),
      ];
    });
    return { id, files: sampleFiles };
  });
  const ids = [model.sample, ...samples.map((s) => s.id)];
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    throw new ExportRefusal(`Two samples of the batch have the id ${twice} (from their file names): rename one file.`);
  return { ...model, samples };
}
