# syntax=docker/dockerfile:1
# One image recipe for every service. Build from the repository root, naming the project:
#   docker build --build-arg PROJECT=CinemaStats.Ingest -t cinemastats-ingest .
#   (PROJECT = CinemaStats.Ingest | CinemaStats.Transform | CinemaStats.Web)
# Multi-platform (the platform runs on ARM64 Fargate): the SDK stage runs natively and
# cross-publishes for the target architecture, so no emulation is needed.

ARG PROJECT=CinemaStats.Web

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
ARG TARGETARCH
WORKDIR /src

# Restore in its own layer: it changes only when a project or package version does.
# Every service references only Core and ServiceDefaults (tools/publish-check.sh verifies it).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY CinemaStats.Core/CinemaStats.Core.csproj CinemaStats.Core/
COPY CinemaStats.ServiceDefaults/CinemaStats.ServiceDefaults.csproj CinemaStats.ServiceDefaults/
COPY ${PROJECT}/${PROJECT}.csproj ${PROJECT}/
RUN rid_arch=$([ "$TARGETARCH" = "amd64" ] && echo x64 || echo "$TARGETARCH") \
 && dotnet restore ${PROJECT}/${PROJECT}.csproj -a "$rid_arch"

COPY CinemaStats.Core/ CinemaStats.Core/
COPY CinemaStats.ServiceDefaults/ CinemaStats.ServiceDefaults/
COPY ${PROJECT}/ ${PROJECT}/
RUN rid_arch=$([ "$TARGETARCH" = "amd64" ] && echo x64 || echo "$TARGETARCH") \
 && dotnet publish ${PROJECT}/${PROJECT}.csproj -c Release -a "$rid_arch" --no-restore \
      --self-contained false -p:UseAppHost=false -o /app

# Ubuntu (glibc, which the native libraries need) runtime with bash for the health check;
# the image's non-root "app" user runs the service.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
ARG PROJECT
WORKDIR /app
COPY --from=build --chown=root:root /app ./

# Read-only root file system: everything the service writes goes to /tmp, which the platform
# mounts as a writable volume.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    TMPDIR=/tmp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    SERVICE_DLL=${PROJECT}.dll
EXPOSE 8080
USER $APP_UID

# Liveness over plain bash (/dev/tcp): the runtime image has no curl, and this needs no package.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /alive HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# exec: dotnet replaces the shell and receives the platform's SIGTERM itself.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SERVICE_DLL\""]
