using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Tests.Discovery;

public sealed class SqsDiscoveryRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IRawObjectHandler, NoHandler>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddSqsDiscovery(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_a_queue_url_nothing_is_registered()
    {
        using var provider = Build(new() { ["Storage:Bucket"] = "cinema-stats" });

        Assert.DoesNotContain(provider.GetServices<IHostedService>(), s => s is SqsRawObjectEventSource);
    }

    [Fact]
    public void With_a_queue_url_the_source_runs_and_takes_what_is_unset_from_storage()
    {
        using var provider = Build(new()
        {
            ["Storage:ServiceUrl"] = "http://localhost:4566",
            ["Storage:Bucket"] = "cinema-stats",
            ["Storage:Region"] = "eu-west-2",
            ["Storage:AccessKey"] = "test",
            ["Storage:SecretKey"] = "secret",
            ["Transform:Sqs:QueueUrl"] = "http://localhost:4566/000000000000/raw-events",
            ["Transform:Sqs:VisibilityTimeout"] = "00:00:30",
        });

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is SqsRawObjectEventSource);
        var options = provider.GetRequiredService<IOptions<SqsDiscoveryOptions>>().Value;
        Assert.Equal(("http://localhost:4566", "eu-west-2", "cinema-stats", "test", "secret"),
            (options.ServiceUrl, options.Region, options.Bucket, options.AccessKey, options.SecretKey));
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal(2, options.MaxParallelMessages);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_with_their_name()
    {
        using var provider = Build(new()
        {
            ["Transform:Sqs:QueueUrl"] = "https://sqs.eu-west-2.amazonaws.com/123456789012/raw-events",
            ["Transform:Sqs:VisibilityTimeout"] = "00:00:00",
            ["Transform:Sqs:MaxParallelMessages"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqsDiscoveryOptions>>().Value);
        Assert.Contains(nameof(SqsDiscoveryOptions.VisibilityTimeout), error.Message);
        Assert.Contains(nameof(SqsDiscoveryOptions.MaxParallelMessages), error.Message);
    }

    private sealed class NoHandler : IRawObjectHandler
    {
        public Task HandleAsync(RawObjectKey key, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
