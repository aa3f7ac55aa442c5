import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14 §5 (ADR 0048): every manifest under deploy/k8s is valid against the vendored JSON
 * schemas — Kubernetes 1.32 "standalone-strict" (no unknown field passes) and the CloudNativePG
 * CRDs — and a broken manifest is refused. No cluster and no network: the schemas are in
 * deploy/schemas (see its README for their source and licence).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const K8S = path.join(ROOT, 'deploy/k8s');
const SCHEMAS = path.join(ROOT, 'deploy/schemas');
const KUBE = 'kubernetes-v1.32.2-standalone-strict';

/** apiVersion + kind → vendored schema file. A kind not listed here fails the test: vendor its schema first. */
const SCHEMA_OF: Record<string, string> = {
  'apps/v1 Deployment': `${KUBE}/deployment-apps-v1.json`,
  'v1 Service': `${KUBE}/service-v1.json`,
  'v1 Secret': `${KUBE}/secret-v1.json`,
  'v1 ServiceAccount': `${KUBE}/serviceaccount-v1.json`,
  'v1 PersistentVolumeClaim': `${KUBE}/persistentvolumeclaim-v1.json`,
  'policy/v1 PodDisruptionBudget': `${KUBE}/poddisruptionbudget-policy-v1.json`,
  'networking.k8s.io/v1 Ingress': `${KUBE}/ingress-networking-v1.json`,
  'networking.k8s.io/v1 NetworkPolicy': `${KUBE}/networkpolicy-networking-v1.json`,
  'batch/v1 Job': `${KUBE}/job-batch-v1.json`,
  'postgresql.cnpg.io/v1 Cluster': 'cloudnative-pg/cluster_v1.json',
  'postgresql.cnpg.io/v1 ScheduledBackup': 'cloudnative-pg/scheduledbackup_v1.json',
  'barmancloud.cnpg.io/v1 ObjectStore': 'cloudnative-pg/objectstore_v1.json',
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI formats of the Kubernetes schemas that JSON Schema does not define
for (const f of ['int32', 'int64', 'double', 'float', 'byte', 'int-or-string', 'quantity']) ajv.addFormat(f, true);
const compiled = new Map<string, ValidateFunction>();
function validatorFor(file: string): ValidateFunction {
  let v = compiled.get(file);
  if (!v) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
    delete schema.$schema; // draft-04 URIs; the keywords used are the same in ajv's draft-07
    compiled.set(file, (v = ajv.compile(schema)));
  }
  return v;
}

type Manifest = { apiVersion?: string; kind?: string; metadata?: { name?: string }; [k: string]: unknown };

/** The problems of one manifest ("" when valid). */
export function problemsOf(doc: Manifest): string[] {
  const key = `${doc.apiVersion} ${doc.kind}`;
  const file = SCHEMA_OF[key];
  if (!file) return [`no vendored schema for ${key}`];
  const validate = validatorFor(file);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Every YAML document of a file; a syntax error is a problem. */
function parseFile(file: string): { docs: Manifest[]; errors: string[] } {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
  return { docs: docs.map((d) => d.toJS() as Manifest).filter((d) => d !== null), errors };
}

const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const manifestFiles = walk(K8S).filter((f) => /\.ya?ml$/.test(f) && path.basename(f) !== 'kustomization.yaml');
const all = manifestFiles.flatMap((file) =>
  parseFile(file).docs.map((doc) => ({ file: path.relative(ROOT, file), doc })),
);
const find = (kind: string, name: string) => all.find((m) => m.doc.kind === kind && m.doc.metadata?.name === name)?.doc;

describe('deploy/k8s manifests', () => {
  it('parse, and every document is valid against its Kubernetes or CloudNativePG schema', () => {
    expect(manifestFiles.length).toBeGreaterThanOrEqual(7);
    for (const file of manifestFiles) expect(parseFile(file).errors, file).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const { file, doc } of all) expect(problemsOf(doc), `${file}: ${doc.kind} ${doc.metadata?.name}`).toEqual([]);
  });

  it('kustomization.yaml lists every manifest outside examples/, and only existing files', () => {
    const k = parseFile(path.join(K8S, 'kustomization.yaml')).docs[0] as { resources: string[] };
    for (const r of k.resources) expect(fs.existsSync(path.join(K8S, r)), r).toBe(true);
    const listed = new Set(k.resources.map((r) => path.join(K8S, r)));
    for (const f of manifestFiles.filter((f) => !f.includes(`${path.sep}examples${path.sep}`)))
      expect(listed.has(f), path.relative(ROOT, f)).toBe(true);
  });

  it('a broken manifest is refused: wrong type, unknown field, missing required field, unknown kind, bad YAML', () => {
    const app = structuredClone(find('Deployment', 'vhd-app')!) as Manifest & { spec: Record<string, unknown> };
    expect(problemsOf(app)).toEqual([]);
    expect(problemsOf({ ...app, spec: { ...app.spec, replicas: 'two' } }).join('\n')).toMatch(
      /replicas must be integer/,
    );
    // standalone-strict: a typo is an unknown field, not silently ignored
    expect(problemsOf({ ...app, spec: { ...app.spec, replica: 2 } }).join('\n')).toMatch(/additional properties/);
    // deep inside the pod template too: a misspelt probe would otherwise silently vanish
    const deep = structuredClone(app) as unknown as {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    deep.spec.template.spec.containers[0]!.readinesProbe = { httpGet: { path: '/api/ready', port: 3000 } };
    expect(problemsOf(deep as unknown as Manifest).join('\n')).toMatch(
      /containers\/0 must NOT have additional properties/,
    );
    const { selector: _selector, ...noSelector } = app.spec;
    expect(problemsOf({ ...app, spec: noSelector }).join('\n')).toMatch(/required property 'selector'/);

    const db = structuredClone(find('Cluster', 'vhd-db')!) as Manifest & { spec: Record<string, unknown> };
    expect(problemsOf(db)).toEqual([]);
    expect(problemsOf({ ...db, spec: { ...db.spec, instances: 'three' } })).not.toEqual([]);
    expect(problemsOf({ ...db, spec: { ...db.spec, synchronousReplication: true } }).join('\n')).toMatch(
      /additional properties.*synchronousReplication/,
    );
    expect(
      problemsOf({ ...db, spec: { ...db.spec, postgresql: { synchronous: { method: 'all-of-them', number: 1 } } } }),
    ).not.toEqual([]);

    expect(problemsOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqual([
      'no vendored schema for v1 Pod',
    ]);
    const bad = path.join(fs.mkdtempSync(path.join(ROOT, 'node_modules/.vhd-manifest-')), 'bad.yaml');
    fs.writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   labels: [\n');
    expect(parseFile(bad).errors).not.toEqual([]);
    fs.rmSync(path.dirname(bad), { recursive: true });
  });

  it('the app: 2+ replicas, probes on /api/ready and /api/health, no owner credentials; the worker has them', () => {
    type Container = {
      env?: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
      envFrom?: { secretRef?: { name: string } }[];
      readinessProbe?: { httpGet?: { path: string } };
      livenessProbe?: { httpGet?: { path: string } };
      resources?: { requests?: Record<string, string> };
    };
    type Dep = { spec: { replicas: number; template: { spec: { containers: Container[] } } } };
    const app = find('Deployment', 'vhd-app') as unknown as Dep;
    expect(app.spec.replicas).toBeGreaterThanOrEqual(2);
    const c = app.spec.template.spec.containers[0]!;
    expect(c.readinessProbe?.httpGet?.path).toBe('/api/ready?scope=traffic');
    expect(c.livenessProbe?.httpGet?.path).toBe('/api/health');
    expect(c.resources?.requests?.cpu).toBeTruthy();
    expect(c.resources?.requests?.memory).toBeTruthy();
    const names = (c.env ?? []).map((e) => e.name);
    expect(names).not.toContain('DATABASE_URL');
    expect(names).not.toContain('AUDIT_CHECKPOINT_PRIVATE_KEY');
    const secretsUsed = [
      ...(c.envFrom ?? []).map((e) => e.secretRef?.name),
      ...(c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name),
    ].filter(Boolean);
    expect(secretsUsed).toEqual(['vhd-app']);
    const appSecret = find('Secret', 'vhd-app') as { stringData: Record<string, string> };
    expect(Object.keys(appSecret.stringData)).toContain('METRICS_TOKEN');
    expect(Object.keys(appSecret.stringData)).not.toContain('DATABASE_URL');
    expect(find('PodDisruptionBudget', 'vhd-app')).toBeTruthy();

    const worker = find('Deployment', 'vhd-worker') as unknown as Dep;
    expect(worker.spec.replicas).toBe(1);
    expect(worker.spec.template.spec.containers[0]!.env?.find((e) => e.name === 'DATABASE_URL')).toBeTruthy();
  });

  it('PostgreSQL: 3 instances, synchronous replication, nightly backups to an object store, a PITR example', () => {
    const db = find('Cluster', 'vhd-db') as {
      spec: {
        instances: number;
        postgresql: { synchronous: { number: number } };
        plugins: { isWALArchiver: boolean }[];
      };
    };
    expect(db.spec.instances).toBe(3);
    expect(db.spec.postgresql.synchronous.number).toBeGreaterThanOrEqual(1);
    expect(db.spec.plugins.some((p) => p.isWALArchiver)).toBe(true);
    expect(find('ScheduledBackup', 'vhd-db-nightly')).toBeTruthy();
    const restore = find('Cluster', 'vhd-db-restore') as {
      spec: { bootstrap: { recovery: { recoveryTarget: { targetTime: string } } } };
    };
    expect(restore.spec.bootstrap.recovery.recoveryTarget.targetTime).toBeTruthy();
  });

  it('secrets carry placeholders only, never real values', () => {
    const notSecret = new Set(['username', 'FIELD_ENCRYPTION_KEY_ID']);
    for (const { doc } of all.filter((m) => m.doc.kind === 'Secret')) {
      const data = (doc as { stringData?: Record<string, string>; data?: unknown }).stringData ?? {};
      expect((doc as { data?: unknown }).data, doc.metadata?.name).toBeUndefined();
      for (const [k, v] of Object.entries(data))
        if (!notSecret.has(k)) expect(v, `${doc.metadata?.name}.${k}`).toMatch(/CHANGE-ME/);
    }
  });
});
