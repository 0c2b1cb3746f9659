using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Discovery;

public static class SqsDiscoveryServiceExtensions
{
    /// <summary>
    /// Registers <see cref="SqsRawObjectEventSource"/> when <c>Transform:Sqs:QueueUrl</c> is set, and
    /// nothing otherwise: without a queue the periodic reconcile alone discovers raw objects.
    /// The caller registers the <see cref="IRawObjectHandler"/>.
    /// </summary>
    public static IServiceCollection AddSqsDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SqsDiscoveryOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(SqsDiscoveryOptions.QueueUrl)]))
        {
            return services;
        }
        services.AddOptions<SqsDiscoveryOptions>()
            .Bind(section)
            .PostConfigure<IOptions<StorageOptions>>((sqs, storage) => sqs.UseStorageDefaults(storage.Value))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(SqsDiscoveryOptions.SectionName,
            (sp, _) => CreateSqsClient(sp.GetRequiredService<IOptions<SqsDiscoveryOptions>>().Value));
        services.AddHostedService<SqsRawObjectEventSource>();
        return services;
    }

    public static IAmazonSQS CreateSqsClient(SqsDiscoveryOptions options)
    {
        var region = string.IsNullOrEmpty(options.Region) ? "us-east-1" : options.Region;
        var config = new AmazonSQSConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = region;
        }
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonSQSClient(config)
            : new AmazonSQSClient(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
