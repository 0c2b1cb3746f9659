#!/usr/bin/env bash
# Checks that each service image would build: the Dockerfile copies every project the service
# references, and the service publishes in Release exactly as the Dockerfile publishes it
# (framework-dependent, linux-arm64 as on Fargate, no app host) into a temporary folder;
# intermediate files go there too, so the working tree's bin/ and obj/ stay untouched.
#   tools/publish-check.sh             ingest, transform and web
#   tools/publish-check.sh web         one service
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fail() { printf 'publish-check: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || fail "dotnet is not on PATH: install the .NET SDK pinned in global.json."

services=("$@")
[ ${#services[@]} -gt 0 ] || services=(ingest transform web)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for service in "${services[@]}"; do
  case "$service" in
    ingest) project=CinemaStats.Ingest ;;
    transform) project=CinemaStats.Transform ;;
    web) project=CinemaStats.Web ;;
    *) fail "unknown service '$service' (expected ingest, transform or web)." ;;
  esac
  dockerfile="Dockerfile"
  [ -f "$dockerfile" ] || fail "$dockerfile is missing."

  printf '\n==> %s: Dockerfile copies every referenced project\n' "$service"
  python3 - "$project" "$dockerfile" <<'PY'
import os, re, sys
project, dockerfile = sys.argv[1], sys.argv[2]
text = open(dockerfile).read()
seen, todo = set(), [project]
while todo:
    p = todo.pop()
    if p in seen:
        continue
    seen.add(p)
    csproj = open(os.path.join(p, p + ".csproj")).read()
    for ref in re.findall(r'<ProjectReference\s+Include="([^"]+)"', csproj):
        todo.append(os.path.basename(os.path.dirname(os.path.normpath(os.path.join(p, ref.replace("\\", "/"))))))
# The service's own project comes in through the PROJECT build argument.
def copied(p):
    name = "${PROJECT}" if p == project else p
    return f"COPY {name}/{name}.csproj {name}/" in text and f"COPY {name}/ {name}/" in text
missing = [p for p in sorted(seen) if not copied(p)]
if missing:
    sys.exit(f"{dockerfile} does not copy {', '.join(missing)} (its .csproj for restore and its folder for publish).")
for f in ("global.json", "Directory.Build.props", "Directory.Packages.props"):
    if os.path.exists(f) and f not in text:
        sys.exit(f"{dockerfile} does not copy {f}.")
if "USER $APP_UID" not in text or "HEALTHCHECK" not in text:
    sys.exit(f"{dockerfile} must run as the non-root app user and declare a HEALTHCHECK.")
print("ok: " + ", ".join(sorted(seen)))
PY

  printf '\n==> %s: dotnet publish -c Release (linux-arm64, as in the image)\n' "$service"
  dotnet publish "$project/$project.csproj" -c Release -a arm64 --os linux --self-contained false \
    -p:UseAppHost=false -o "$out/$service" --artifacts-path "$out/build" -nologo -v:quiet \
    || fail "$project does not publish in Release."
  [ -f "$out/$service/$project.dll" ] || fail "$project published no $project.dll."
  echo "ok: $(du -sh "$out/$service" | cut -f1) in $project"
done
