// Validates Kubernetes manifests offline, without a cluster: every document against Kubernetes' own
// schemas (the kubernetes-models package, pinned in package-lock.json), then against our rules.
//
//   node validate.mjs [--release] FILE_OR_DIR...     validate (a directory: its *.yml files)
//   node validate.mjs --same-selectors DIR_A DIR_B   the selectors of two builds are identical
//
// Prints one line per problem and "N manifests, N problems"; exits 1 on any problem.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const VERSION_LABEL = "app.kubernetes.io/version";
const MANAGEMENT_PORT_NAME = "management";
const POD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

export function readManifests(paths) {
  const files = paths.flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(p, f))
      : [p]);
  const manifests = [];
  for (const file of files) {
    for (const document of parseAllDocuments(fs.readFileSync(file, "utf8"))) {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      const value = document.toJS();
      if (value !== null && value !== undefined) manifests.push({ file, value });
    }
  }
  return manifests;
}

async function schemaProblems(manifest) {
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["no apiVersion or kind"];
  let models;
  try {
    models = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return [`unknown apiVersion ${apiVersion}`];
  }
  const Model = models[kind];
  if (typeof Model !== "function") return [`unknown kind ${kind} in ${apiVersion}`];
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [`schema: ${error.message}`];
  }
}

const name = (m) => `${m.kind}/${m.metadata?.name ?? "?"}`;

function podSpecOf(manifest) {
  return POD_KINDS.has(manifest.kind) ? manifest.spec?.template?.spec : undefined;
}

function imageProblems(container, release) {
  const problems = [];
  const image = container.image ?? "";
  const lastSegment = image.split("/").pop();
  const tag = image.includes("@") ? null : (lastSegment.includes(":") ? lastSegment.split(":").pop() : "latest");
  if (tag === "latest") problems.push(`${container.name}: image ${image} has no version (latest)`);
  if (tag !== null && /SNAPSHOT/i.test(tag)) {
    if (release) problems.push(`${container.name}: a release names a SNAPSHOT image (${image})`);
    else if (container.imagePullPolicy !== "Always") {
      problems.push(`${container.name}: SNAPSHOT image ${image} must be pulled Always, not ${container.imagePullPolicy ?? "by default"}`);
    }
  }
  return problems;
}

/** Our rules: what the "restricted" Pod Security Standard and an upgrade-safe rollout need. */
export function ruleProblems(manifest, all, { release = false } = {}) {
  const problems = [];
  const pod = podSpecOf(manifest);
  if (pod) {
    const podContext = pod.securityContext ?? {};
    if (pod.automountServiceAccountToken !== false) problems.push("automountServiceAccountToken is not false");
    if (podContext.seccompProfile?.type !== "RuntimeDefault") problems.push("pod: seccompProfile is not RuntimeDefault");
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const c = container.securityContext ?? {};
      const n = container.name;
      if (c.seccompProfile?.type !== "RuntimeDefault") problems.push(`${n}: seccompProfile is not RuntimeDefault`);
      if ((c.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push(`${n}: runAsNonRoot is not true`);
      if ((c.runAsUser ?? podContext.runAsUser) === 0) problems.push(`${n}: runs as user 0`);
      if (c.readOnlyRootFilesystem !== true) problems.push(`${n}: root filesystem is not read-only`);
      if (c.allowPrivilegeEscalation !== false) problems.push(`${n}: allowPrivilegeEscalation is not false`);
      if (!(c.capabilities?.drop ?? []).includes("ALL")) problems.push(`${n}: capabilities do not drop ALL`);
      const r = container.resources ?? {};
      for (const [what, value] of [["requests.cpu", r.requests?.cpu], ["requests.memory", r.requests?.memory],
        ["limits.memory", r.limits?.memory]]) {
        if (value === undefined) problems.push(`${n}: no resources.${what}`);
      }
      problems.push(...imageProblems(container, release));
    }
  }
  if (manifest.kind === "Deployment") {
    const hpa = all.find((m) => m.kind === "HorizontalPodAutoscaler"
      && m.spec?.scaleTargetRef?.kind === "Deployment" && m.spec?.scaleTargetRef?.name === manifest.metadata?.name);
    if (hpa && manifest.spec?.replicas !== undefined) {
      problems.push(`replicas is fixed (${manifest.spec.replicas}) while ${name(hpa)} owns the count`);
    }
    for (const container of pod?.containers ?? []) {
      const ports = container.ports ?? [];
      const management = ports.find((p) => p.name === MANAGEMENT_PORT_NAME);
      if (!management) {
        problems.push(`${container.name}: no port named ${MANAGEMENT_PORT_NAME}`);
        continue;
      }
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        if (port === undefined) problems.push(`${container.name}: no HTTP ${probe}`);
        else if (port !== management.containerPort && port !== MANAGEMENT_PORT_NAME) {
          problems.push(`${container.name}: ${probe} on port ${port}, not the management port ${management.containerPort}`);
        }
      }
      for (const annotations of [manifest.metadata?.annotations, manifest.spec?.template?.metadata?.annotations]) {
        const scraped = annotations?.["prometheus.io/port"];
        if (scraped !== undefined && scraped !== String(management.containerPort)) {
          problems.push(`prometheus.io/port ${scraped} is not the management port ${management.containerPort}`);
        }
      }
    }
  }
  for (const [where, selector] of selectorsOf(manifest)) {
    if (selector && Object.prototype.hasOwnProperty.call(selector, VERSION_LABEL)) {
      problems.push(`${where} selects on ${VERSION_LABEL}: the next version's rollout would be rejected`);
    }
  }
  for (const [key, value] of Object.entries(allAnnotations(manifest))) {
    if (typeof value === "string" && namesLocalPath(key, value)) {
      problems.push(`annotation ${key} names a local path (${value})`);
    }
  }
  return problems;
}

/** A path on the build machine: file: URLs, home/work directories, or a source "URI" that is no URL. */
function namesLocalPath(key, value) {
  if (/^(file:|~\/|[A-Za-z]:\\)/.test(value)) return true;
  if (/^\/(home|work|root|Users|tmp|var|srv|mnt|opt|builds?|workspace)(\/|$)/.test(value)) return true;
  return /(vcs|uri|url|repo|source)/i.test(key) && !/^((https?|ssh|git):\/\/|git@)/.test(value);
}

function allAnnotations(manifest) {
  return { ...(manifest.metadata?.annotations ?? {}), ...(manifest.spec?.template?.metadata?.annotations ?? {}) };
}

/** Every label selector a manifest carries, by where it is. */
export function selectorsOf(manifest) {
  const spec = manifest.spec ?? {};
  switch (manifest.kind) {
    case "Service": return [["spec.selector", spec.selector]];
    case "NetworkPolicy": return [["spec.podSelector", spec.podSelector?.matchLabels]];
    case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet": case "PodDisruptionBudget":
      return [["spec.selector", spec.selector?.matchLabels]];
    default: return [];
  }
}

export async function validate(paths, options = {}) {
  const manifests = readManifests(paths);
  const problems = [];
  for (const { file, value } of manifests) {
    const found = [...await schemaProblems(value), ...ruleProblems(value, manifests.map((m) => m.value), options)];
    for (const problem of found) problems.push(`${path.basename(file)}: ${name(value)}: ${problem}`);
  }
  return { count: manifests.length, problems };
}

export function selectorDifferences(dirA, dirB) {
  const selectors = (dir) => new Map(readManifests([dir]).flatMap(({ value }) =>
    selectorsOf(value).map(([where, selector]) => [`${name(value)} ${where}`, JSON.stringify(selector ?? null)])));
  const a = selectors(dirA);
  const b = selectors(dirB);
  const differences = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(key) !== b.get(key)) differences.push(`${key}: ${a.get(key)} != ${b.get(key)}`);
  }
  return { count: a.size, differences };
}

async function main(args) {
  if (args[0] === "--same-selectors") {
    const { count, differences } = selectorDifferences(args[1], args[2]);
    differences.forEach((d) => console.log(d));
    console.log(`${count} selectors compared, ${differences.length} differ`);
    return count > 0 && differences.length === 0 ? 0 : 1;
  }
  const release = args.includes("--release");
  const paths = args.filter((a) => a !== "--release");
  if (paths.length === 0) {
    console.error("usage: node validate.mjs [--release] FILE_OR_DIR... | --same-selectors DIR_A DIR_B");
    return 2;
  }
  const { count, problems } = await validate(paths, { release });
  problems.forEach((p) => console.log(p));
  console.log(`${count} manifests, ${problems.length} problems`);
  return count > 0 && problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
