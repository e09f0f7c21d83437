// The validator rejects what it must: each test breaks a valid manifest set in one way.
// Run: node --test deploy/validate/test/
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { readManifests, selectorDifferences, validate } from "../validate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const valid = () => readManifests([path.join(here, "valid.yml")]).map((m) => m.value);

async function problemsAfter(breakIt, options = {}) {
  const manifests = valid();
  breakIt(manifests);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifests-"));
  fs.writeFileSync(path.join(dir, "kubernetes.yml"), manifests.map((m) => stringify(m)).join("---\n"));
  try {
    return (await validate([dir], options)).problems;
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}
const deployment = (ms) => ms.find((m) => m.kind === "Deployment");
const container = (ms) => deployment(ms).spec.template.spec.containers[0];

function assertOneProblem(problems, pattern) {
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], pattern);
}

test("the valid set passes", async () => {
  assert.deepEqual(await problemsAfter(() => {}), []);
});

test("a containerPort that is not a number breaks Kubernetes' schema", async () => {
  assertOneProblem(await problemsAfter((ms) => { container(ms).ports[0].containerPort = "8080"; }),
    /schema: .*containerPort must be integer/);
});

test("an unknown kind is refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { ms[1].kind = "Servic"; }), /unknown kind Servic/);
});

test("a selector with the version is refused", async () => {
  assertOneProblem(await problemsAfter((ms) => {
    deployment(ms).spec.selector.matchLabels["app.kubernetes.io/version"] = "1.0.0";
    deployment(ms).spec.template.metadata.labels["app.kubernetes.io/version"] = "1.0.0";
  }), /selects on app.kubernetes.io\/version/);
});

test("no seccomp profile, root, a writable root or no resources are refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { delete container(ms).securityContext.seccompProfile; }), /seccompProfile/);
  assertOneProblem(await problemsAfter((ms) => { delete deployment(ms).spec.template.spec.securityContext.seccompProfile; }), /pod: seccompProfile/);
  assertOneProblem(await problemsAfter((ms) => { deployment(ms).spec.template.spec.securityContext.runAsNonRoot = false; }), /runAsNonRoot/);
  assertOneProblem(await problemsAfter((ms) => { container(ms).securityContext.readOnlyRootFilesystem = false; }), /read-only/);
  assertOneProblem(await problemsAfter((ms) => { delete container(ms).resources.limits; }), /limits.memory/);
  assertOneProblem(await problemsAfter((ms) => { delete deployment(ms).spec.template.spec.automountServiceAccountToken; }), /automountServiceAccountToken/);
});

test("probes or scraping on the API port are refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { container(ms).readinessProbe.httpGet.port = 8080; }), /readinessProbe on port 8080/);
  assertOneProblem(await problemsAfter((ms) => { deployment(ms).metadata.annotations["prometheus.io/port"] = "8080"; }), /prometheus.io\/port 8080/);
});

test("a fixed replica count beside the autoscaler is refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { deployment(ms).spec.replicas = 2; }), /replicas is fixed/);
});

test("latest, a SNAPSHOT not pulled Always, and any SNAPSHOT in a release are refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { container(ms).image = "registry.example/app"; }), /latest/);
  assertOneProblem(await problemsAfter((ms) => { container(ms).image = "registry.example/app:1.1.0-SNAPSHOT"; }), /pulled Always/);
  assert.deepEqual(await problemsAfter((ms) => {
    container(ms).image = "registry.example/app:1.1.0-SNAPSHOT"; container(ms).imagePullPolicy = "Always";
  }), []);
  assertOneProblem(await problemsAfter((ms) => {
    container(ms).image = "registry.example/app:1.1.0-SNAPSHOT"; container(ms).imagePullPolicy = "Always";
  }, { release: true }), /release names a SNAPSHOT/);
});

test("an annotation with a local path is refused", async () => {
  assertOneProblem(await problemsAfter((ms) => { deployment(ms).metadata.annotations["app.quarkus.io/vcs-uri"] = "/work/main"; }), /local path/);
});

test("two builds whose selectors differ are told apart", () => {
  const write = (version) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-"));
    const manifests = valid();
    deployment(manifests).spec.selector.matchLabels["app.kubernetes.io/version"] = version;
    fs.writeFileSync(path.join(dir, "kubernetes.yml"), manifests.map((m) => stringify(m)).join("---\n"));
    return dir;
  };
  const [a, b, c] = [write("1.0.0"), write("1.0.0"), write("1.0.1")];
  assert.equal(selectorDifferences(a, b).differences.length, 0);
  assert.equal(selectorDifferences(a, c).differences.length, 1);
  for (const dir of [a, b, c]) fs.rmSync(dir, { recursive: true });
});
