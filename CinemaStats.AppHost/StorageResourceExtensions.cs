using Microsoft.Extensions.Configuration;

namespace CinemaStats.AppHost;

/// <summary>Gives every service the same <c>Storage</c> settings for the chosen mode.</summary>
public static class StorageResourceExtensions
{
    public static IResourceBuilder<ProjectResource> WithStorage(
        this IResourceBuilder<ProjectResource> service, StorageChoice choice, IConfiguration configuration, string rootPath,
        IResourceBuilder<ContainerResource>? localStack)
    {
        service.WithEnvironment("Storage__ModeReason", choice.Reason);
        switch (choice.Mode)
        {
            case "filesystem":
                service.WithEnvironment("Storage__Mode", "Filesystem")
                    .WithEnvironment("Storage__RootPath", rootPath);
                break;
            case "localstack":
                ArgumentNullException.ThrowIfNull(localStack);
                service.WithEnvironment("Storage__Mode", "LocalStack")
                    .WithEnvironment("Storage__ServiceUrl", localStack.GetEndpoint("http"))
                    .WithEnvironment("Storage__Bucket", configuration["Storage:Bucket"] ?? "cinema-stats")
                    .WithEnvironment("Storage__Region", configuration["Storage:Region"] ?? "us-east-1")
                    .WithEnvironment("Storage__AccessKey", "test")
                    .WithEnvironment("Storage__SecretKey", "test")
                    .WithEnvironment("Storage__CreateBucket", "true")
                    .WaitFor(localStack);
                break;
            default:
                service.WithEnvironment("Storage__Mode", "S3");
                foreach (var name in new[] { "ServiceUrl", "Bucket", "Region", "AccessKey", "SecretKey", "CreateBucket" })
                {
                    if (configuration[$"Storage:{name}"] is { Length: > 0 } value)
                    {
                        service.WithEnvironment($"Storage__{name}", value);
                    }
                }
                break;
        }
        return service;
    }
}
