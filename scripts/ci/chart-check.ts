// CI for the Helm chart (deploy/helm/bastion), offline: `helm lint --strict` and
// `helm template` with the default values, the managed-services example and an
// existingSecret variant; every rendered manifest validated against the Kubernetes API
// schemas (kubernetes-models), and the properties the chart promises checked on them.
//   HELM=/path/to/helm node --import tsx scripts/ci/chart-check.ts
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { Secret, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { assert, createChecks } from "./checks";

const root = path.resolve(import.meta.dirname, "../..");
const chart = path.join(root, "deploy/helm/bastion");
const helm = process.env.HELM ?? path.join(root, ".tools/bin/helm/helm");
const { check, summary } = createChecks("chart");

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec?: any };
const models: Record<string, new (data: any) => { validate(): void }> = {
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

function runHelm(args: string[]): string {
  const result = spawnSync(helm, args, { cwd: chart, encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`helm ${args[0]} exited ${result.status}: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout;
}

function render(valueArgs: string[]): Manifest[] {
  return parseAllDocuments(runHelm(["template", "bastion", ".", ...valueArgs]))
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function validate(manifests: Manifest[]): void {
  for (const manifest of manifests) {
    const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
    assert(Model, `no schema for ${manifest.apiVersion} ${manifest.kind}`);
    try {
      new Model(manifest).validate();
    } catch (error) {
      throw new Error(`${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`);
    }
  }
}

const find = (manifests: Manifest[], kind: string, suffix = "") => manifests.find((m) => m.kind === kind && m.metadata.name.endsWith(suffix));

/** The properties every rendering must have, whatever the values. */
function checkPromises(manifests: Manifest[], secretName: string): void {
  const job = find(manifests, "Job", "-migrate");
  assert(job?.metadata.annotations?.["helm.sh/hook"] === "pre-install,pre-upgrade", "the migrate Job is not a pre-install,pre-upgrade hook");
  assert(job.spec.template.spec.containers[0].args[0] === "migrate", "the migrate Job does not run the migrate command");
  const secret = find(manifests, "Secret");
  if (secret) {
    assert(secret.metadata.annotations?.["helm.sh/hook"] === "pre-install,pre-upgrade", "the chart's Secret is not a hook (the first install's Job would find none)");
    assert(Number(secret.metadata.annotations["helm.sh/hook-weight"]) < Number(job.metadata.annotations["helm.sh/hook-weight"]), "the Secret's hook weight is not below the Job's");
  }
  const web = find(manifests, "Deployment", "-web");
  const worker = find(manifests, "Deployment", "-worker");
  assert(web && worker, "web and worker Deployments are not both rendered");
  const webContainer = web.spec.template.spec.containers[0];
  assert(webContainer.livenessProbe.httpGet.path === "/api/health", "web liveness is not /api/health");
  assert(webContainer.readinessProbe.httpGet.path === "/api/health/ready", "web readiness is not /api/health/ready");
  assert(worker.spec.template.spec.containers[0].args[0] === "worker", "the worker does not run the worker command");
  for (const pod of [web, worker, job].map((m) => m.spec.template.spec)) {
    const container = pod.containers[0];
    assert(pod.securityContext.runAsNonRoot === true, "a pod may run as root");
    assert(container.securityContext.readOnlyRootFilesystem === true, "a container's root filesystem is writable");
    assert(container.volumeMounts.some((mount: { mountPath: string }) => mount.mountPath === "/tmp"), "no writable /tmp");
    assert(container.envFrom[0].secretRef.name === secretName, `env does not come from Secret ${secretName}`);
    assert(container.resources.requests.memory, "no memory request");
    const env = Object.fromEntries(container.env.map((entry: { name: string; value: string }) => [entry.name, entry.value]));
    assert(env.BASTION_MIGRATE_ON_START === "0" && env.BASTION_BUILD_ON_START === "0", "processes would migrate or build at start");
  }
  assert(find(manifests, "Service")?.spec.selector["app.kubernetes.io/component"] === "web", "the Service does not select web pods");
}

async function main(): Promise<void> {
  await check("helm is available", () => runHelm(["version", "--short"]).trim());
  await check("the schema validation refuses an invalid manifest", () => {
    const broken = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { replicas: "two", selector: {}, template: {} } };
    let refused = false;
    try {
      validate([broken]);
    } catch {
      refused = true;
    }
    assert(refused, "a Deployment with replicas: \"two\" passed validation");
  });

  const variants: [string, string[], string][] = [
    ["default values", [], "bastion-env"],
    ["examples/managed-services.yaml", ["-f", "examples/managed-services.yaml"], "bastion-env"],
    ["existingSecret without an Ingress or autoscaling", ["--set", "existingSecret=my-env", "--set", "web.autoscaling.enabled=false", "--set", "ingress.enabled=false"], "my-env"],
  ];
  for (const [name, args, secretName] of variants) {
    await check(`helm lint --strict (${name})`, () => runHelm(["lint", "--strict", ".", ...args]));
    const manifests = await check(`helm template renders valid Kubernetes objects (${name})`, () => {
      const rendered = render(args);
      validate(rendered);
      return rendered;
    });
    if (manifests) await check(`rendered objects keep the chart's promises (${name})`, () => checkPromises(manifests, secretName));
  }
  await check("the default values make their own Secret; existingSecret makes none", () => {
    assert(find(render([]), "Secret"), "no Secret with default values");
    assert(!find(render(["--set", "existingSecret=my-env"]), "Secret"), "a Secret although existingSecret is set");
  });
  await check("HPA and Ingress follow their switches", () => {
    const on = render(["-f", "examples/managed-services.yaml"]);
    assert(find(on, "HorizontalPodAutoscaler") && find(on, "Ingress"), "the example renders no HPA or Ingress");
    assert(find(on, "Deployment", "-web")?.spec.replicas === undefined, "web replicas fixed although autoscaled");
    const off = render(["--set", "web.autoscaling.enabled=false"]);
    assert(!find(off, "HorizontalPodAutoscaler") && !find(off, "Ingress"), "HPA or Ingress rendered while disabled");
    assert(find(off, "Deployment", "-web")?.spec.replicas === 2, "web replicas not taken from web.replicas");
  });
  summary();
}

void main();
