using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Apis;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Discovery;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform;

public static class TransformServiceExtensions
{
    public static WebApplicationBuilder AddTransformServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TransformOptions>()
            .BindConfiguration(TransformOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<OperatorAccessOptions>()
            .BindConfiguration(OperatorAccessOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OperatorKeyFilter>();
        builder.Services.AddObjectStore();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton(_ => new AssetGraph(AssetRegistry.Create()));

        builder.Services.AddSingleton<RawObjectLedger>();
        builder.Services.AddSingleton<AssetPartitionStates>();
        builder.Services.AddSingleton<RunHistory>();
        builder.Services.AddSingleton<PipelineRunner>();
        builder.Services.AddSingleton<FreshnessMonitor>();
        builder.Services.AddSingleton<PipelineWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PipelineWorker>());

        // S3 event notifications through SQS, where a queue is configured; the reconcile runs either way.
        builder.Services.AddSingleton<IRawObjectHandler>(sp => sp.GetRequiredService<PipelineWorker>());
        builder.Services.AddSqsDiscovery(builder.Configuration);
        return builder;
    }
}
