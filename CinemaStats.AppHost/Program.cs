using System.Security.Cryptography;
using System.Text;
using CinemaStats.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var storage = StorageModeSelector.Resolve(builder.Configuration["Storage:Mode"], ContainerRuntimeProbe.Detect);
Console.WriteLine($"Cinema Stats storage mode: {storage.Mode} ({storage.Reason})");
var rootPath = Path.GetFullPath(builder.Configuration["Storage:RootPath"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data", "objects"));

IResourceBuilder<ContainerResource>? localStack = null;
if (storage.Mode == "localstack")
{
    localStack = builder.AddContainer("localstack", "localstack/localstack", "4.9")
        .WithHttpEndpoint(targetPort: 4566, name: "http")
        .WithEnvironment("SERVICES", "s3,sqs")
        .WithHttpHealthCheck("/_localstack/health", endpointName: "http");
}
else
{
    // No container will run: do not let the orchestrator wait for a runtime.
    builder.Configuration["DcpPublisher:ContainerRuntimeInitializationTimeout"] ??= "00:00:00";
}

// Locally one development key may send every source; the services only ever see its hash.
var developmentKey = builder.Configuration["Ingest:DevelopmentApiKey"] ?? "local-dev-key";

var ingest = builder.AddProject<Projects.CinemaStats_Ingest>("ingest")
    .WithStorage(storage, builder.Configuration, rootPath, localStack)
    .WithEnvironment("Ingest__ApiKeys__0__Name", "local-development")
    .WithEnvironment("Ingest__ApiKeys__0__Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(developmentKey))))
    .WithEnvironment("Ingest__ApiKeys__0__Sources__0", "*")
    .WithHttpHealthCheck("/health");

var transform = builder.AddProject<Projects.CinemaStats_Transform>("transform")
    .WithStorage(storage, builder.Configuration, rootPath, localStack)
    .WithEnvironment("Transform__ReconcileInterval", builder.Configuration["Transform:ReconcileInterval"] ?? "00:00:01")
    .WithHttpHealthCheck("/health")
    .WaitFor(ingest);

builder.AddProject<Projects.CinemaStats_Web>("web")
    .WithStorage(storage, builder.Configuration, rootPath, localStack)
    .WithReference(ingest)
    .WithReference(transform)
    .WithEnvironment("Web__IngestApiKey", developmentKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WaitFor(ingest)
    .WaitFor(transform);

// A small sample data set, so the dashboard is never empty. Uploads are idempotent: on later
// runs the same files are recognised (200) and nothing is stored or processed twice.
if (!string.Equals(builder.Configuration["SampleData:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
{
    builder.AddProject<Projects.CinemaStats_SampleData>("sample-data")
        .WithArgs("upload", "--cinemas", "3", "--days", "14", "--dirt", "0.02")
        .WithReference(ingest)
        .WithEnvironment("INGEST_API_KEY", developmentKey)
        .WaitFor(ingest);
}

builder.Build().Run();
