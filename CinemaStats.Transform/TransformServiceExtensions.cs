using CinemaStats.Transform.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Pipeline;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform;

public static class TransformServiceExtensions
{
    public static WebApplicationBuilder AddTransformServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TransformOptions>()
            .BindConfiguration(TransformOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddObjectStore();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RawObjectLedger>();
        builder.Services.AddSingleton<FactSessionMaterializer>();
        builder.Services.AddSingleton<RawObjectReconciler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RawObjectReconciler>());
        return builder;
    }
}
