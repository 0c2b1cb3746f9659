// The project's own rules for .github/workflows, on top of actionlint:
//   pipefail    every workflow runs its steps with `shell: bash` (bash -eo pipefail), and no
//               step or job switches to a shell without pipefail;
//   injection   no `${{ ... }}` inside a `run:` script: values reach scripts through `env:`;
//   pinned      every action from another repository is pinned to a full commit SHA with the
//               version in a comment (`uses: owner/repo@<40 hex> # v1.2.3`);
//   shellcheck  every `run:` script passes shellcheck (Debian's package).
"use strict";

const { spawnSync } = require("node:child_process");
const YAML = require("yaml");

const PIPEFAIL_SHELLS = new Set(["bash", "bash --noprofile --norc -eo pipefail {0}"]);

function* steps(doc) {
  for (const [jobId, job] of Object.entries(doc.jobs || {})) {
    for (const [index, step] of (job.steps || []).entries()) {
      yield { jobId, job, index, step };
    }
  }
}

function pipefailFindings(doc) {
  const findings = [];
  if (!PIPEFAIL_SHELLS.has(doc?.defaults?.run?.shell)) {
    findings.push("defaults.run.shell must be bash (bash -eo pipefail): without it a failing command in a pipe passes the step.");
  }
  for (const [jobId, job] of Object.entries(doc.jobs || {})) {
    const shell = job?.defaults?.run?.shell;
    if (shell !== undefined && !PIPEFAIL_SHELLS.has(shell)) {
      findings.push(`job ${jobId}: defaults.run.shell "${shell}" has no pipefail.`);
    }
  }
  for (const { jobId, index, step } of steps(doc)) {
    if (step.run !== undefined && step.shell !== undefined && !PIPEFAIL_SHELLS.has(step.shell)) {
      findings.push(`job ${jobId}, step ${index + 1}: shell "${step.shell}" has no pipefail.`);
    }
  }
  return findings;
}

function injectionFindings(doc) {
  const findings = [];
  for (const { jobId, index, step } of steps(doc)) {
    if (typeof step.run === "string" && step.run.includes("${{")) {
      const expression = step.run.match(/\$\{\{[^}]*\}\}/)?.[0] ?? "${{";
      findings.push(`job ${jobId}, step ${index + 1} (${step.name || "run"}): ${expression} inside run: pass it through env: instead (script injection).`);
    }
  }
  return findings;
}

function pinFindings(text) {
  const findings = [];
  text.split("\n").forEach((line, i) => {
    const match = line.match(/^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(#.*)?$/);
    if (!match) {
      return;
    }
    const [, target, comment] = match;
    if (target.startsWith("./") || target.startsWith("docker://")) {
      return;
    }
    if (!/^[^@\s]+@[0-9a-f]{40}$/.test(target)) {
      findings.push(`line ${i + 1}: ${target} must be pinned to a full commit SHA (uses: owner/repo@<40 hex> # vX.Y.Z).`);
    } else if (!/^#\s*v\d+(\.\d+)*\s*$/.test(comment || "")) {
      findings.push(`line ${i + 1}: ${target} needs its version as a comment (# vX.Y.Z), for review and for Renovate.`);
    }
  });
  return findings;
}

function shellcheckFindings(doc, shellcheck) {
  const findings = [];
  for (const { jobId, index, step } of steps(doc)) {
    if (typeof step.run !== "string") {
      continue;
    }
    // GitHub runs the script with bash -e -o pipefail; expressions (none allowed) would be
    // replaced before bash sees them.
    const script = "#!/usr/bin/env bash\nset -eo pipefail\n" + step.run.replace(/\$\{\{[^}]*\}\}/g, "EXPRESSION");
    const result = spawnSync(shellcheck, ["--shell=bash", "--severity=style", "--format=gcc", "-"], { input: script, encoding: "utf8" });
    if (result.error) {
      throw new Error(`shellcheck could not run: ${result.error.message}`);
    }
    if (result.status !== 0) {
      for (const line of result.stdout.trim().split("\n").filter(Boolean)) {
        // "-:5:3: warning: ... [SC2086]": line numbers are of the script, 2 header lines added.
        const shifted = line.replace(/^-:(\d+):/, (_, n) => `script line ${Number(n) - 2}:`);
        findings.push(`job ${jobId}, step ${index + 1} (${step.name || "run"}): ${shifted}`);
      }
    }
  }
  return findings;
}

function ruleFindings(text, shellcheck) {
  let doc;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    return [`YAML does not parse: ${String(error.message).split("\n")[0]}`];
  }
  return [
    ...pipefailFindings(doc).map((f) => `[pipefail] ${f}`),
    ...injectionFindings(doc).map((f) => `[injection] ${f}`),
    ...pinFindings(text).map((f) => `[pinned] ${f}`),
    ...shellcheckFindings(doc, shellcheck).map((f) => `[shellcheck] ${f}`),
  ];
}

module.exports = { ruleFindings };
