// Usage: npm run attack:update -- <enterprise> [mobile] [ics] [--source mitre/cti@<commit>] [--attack-version 18.1]
//        [--released 2025-11-13] [--out src/attack/data]
//
// Each input is one domain's ATT&CK STIX data: a bundle file (enterprise-attack.json, enterprise-attack-18.1.json
// from mitre-attack/attack-stix-data) or a folder of STIX files (mitre/cti's enterprise-attack/ with one object per
// file). The domain is read from the data. Writes src/attack/data/<domain>.json, one object per line, sorted by ID.
//
// --source          where the data came from, recorded in the file with the input's folder or file name
//                   (mitre/cti@421deacb77191b38bdd1bf63268954e93da91365 → mitre/cti@421deacb…:enterprise-attack/)
// --attack-version  the ATT&CK release, needed when the data has no x-mitre-collection (mitre/cti's per-object files)
// --released        the release date, YYYY-MM-DD, likewise (a collection's `modified` date is used when there is one)
// --out             the folder to write to (default src/attack/data)
import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDataset, readStixBundle, type StixObject } from '../src/attack/stix.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    'attack-version': { type: 'string' },
    released: { type: 'string' },
    out: { type: 'string', default: 'src/attack/data' },
  },
});
if (positionals.length === 0) {
  console.error(
    'Give one to three STIX inputs: npm run attack:update -- enterprise-attack.json [mobile-attack.json] [ics-attack.json]',
  );
  process.exit(1);
}

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

/** A file holds a bundle (`{ type: "bundle", objects }`) or, rarely, one bare object. */
function objectsOf(json: unknown): StixObject[] {
  if (json && typeof json === 'object' && Array.isArray((json as { objects?: unknown }).objects))
    return (json as { objects: StixObject[] }).objects;
  if (json && typeof json === 'object' && typeof (json as { type?: unknown }).type === 'string')
    return [json as StixObject];
  return [];
}

const seenDomains = new Set<string>();
for (const input of positionals) {
  const path = resolve(input);
  const isDir = (await stat(path)).isDirectory();
  const files = isDir ? await jsonFiles(path) : [path];
  const objects: StixObject[] = [];
  for (const file of files) objects.push(...objectsOf(JSON.parse(await readFile(file, 'utf8'))));

  const warnings: string[] = [];
  const label = `${basename(path)}${isDir ? '/' : ''}`;
  const dataset = readStixBundle(objects, {
    source: values.source ? `${values.source}:${label}` : label,
    ...(values['attack-version'] ? { attackVersion: values['attack-version'] } : {}),
    ...(values.released ? { released: values.released } : {}),
    onWarning: (m) => warnings.push(m),
  });
  if (seenDomains.has(dataset.domain)) {
    console.error(`${input}: a second ${dataset.domain} input; give each domain once.`);
    process.exit(1);
  }
  seenDomains.add(dataset.domain);

  await mkdir(values.out, { recursive: true });
  const outFile = join(values.out, `${dataset.domain}.json`);
  const text = formatDataset(dataset);
  await writeFile(outFile, text);

  const count = (pred: (r: (typeof dataset.objects)[number]) => boolean) => dataset.objects.filter(pred).length;
  const kinds = ['tactic', 'technique', 'sub-technique', 'mitigation', 'software'] as const;
  console.log(
    `${relative(process.cwd(), outFile)}: ATT&CK ${dataset.attackVersion} ${dataset.domain}, ${files.length} file(s), ` +
      `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${dataset.matrix.length} tactics in the matrix`,
  );
  for (const kind of kinds) {
    const all = count((r) => r.kind === kind);
    const inUse = count((r) => r.kind === kind && !r.revoked && !r.deprecated);
    console.log(`  ${kind}: ${all} (${inUse} in use)`);
  }
  if (warnings.length > 0) {
    console.log(`  ${warnings.length} note(s):`);
    for (const w of warnings.slice(0, 20)) console.log(`    ${w}`);
    if (warnings.length > 20) console.log(`    … and ${warnings.length - 20} more`);
  }
}
