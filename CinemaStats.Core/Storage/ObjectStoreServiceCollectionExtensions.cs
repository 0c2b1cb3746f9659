using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CinemaStats.Core.Storage;

public static class ObjectStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IObjectStore"/> for the configured <see cref="StorageOptions.Mode"/>.</summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IObjectStore>(sp => Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddHostedService<ObjectStoreInitializer>();
        services.AddHealthChecks().AddCheck<ObjectStoreHealthCheck>("object-store");
        return services;
    }

    public static IObjectStore Create(StorageOptions options) => options.Mode switch
    {
        StorageMode.Filesystem => new FileSystemObjectStore(options.RootPath),
        _ => new S3ObjectStore(CreateS3Client(options), options.Bucket, options.MultipartPartSizeMiB * 1024 * 1024, options.RawBucket),
    };

    public static IAmazonS3 CreateS3Client(StorageOptions options)
    {
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region) };
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region;
        }
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    /// <summary>Creates the bucket on start where configuration asks for it.</summary>
    private sealed class ObjectStoreInitializer(IObjectStore store, IOptions<StorageOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.CreateBucket && store is S3ObjectStore s3)
            {
                await s3.EnsureBucketAsync(cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
