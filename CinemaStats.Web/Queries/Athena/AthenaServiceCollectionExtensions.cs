using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Athena;

public static class AthenaServiceCollectionExtensions
{
    private const string CredentialsKey = "athena";

    /// <summary>
    /// Registers <see cref="AthenaClient"/> and <see cref="AthenaQueryRunner"/> over the
    /// <see cref="AthenaOptions.SectionName"/> section. Credentials come from the AWS SDK's default
    /// chain (environment, profile, ECS task role, instance metadata), resolved on first use so
    /// local modes start without any.
    /// </summary>
    public static IServiceCollection AddAthenaQueries(this IServiceCollection services)
    {
        services.AddOptions<AthenaOptions>()
            .BindConfiguration(AthenaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<AWSCredentials>(CredentialsKey, (_, _) => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        services.AddHttpClient(nameof(AthenaClient));
        services.AddTransient(sp => new AthenaClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AthenaClient)),
            sp.GetRequiredService<IOptions<AthenaOptions>>(),
            sp.GetRequiredKeyedService<AWSCredentials>(CredentialsKey),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AthenaClient>>()));
        services.AddTransient<AthenaQueryRunner>();
        return services;
    }
}
