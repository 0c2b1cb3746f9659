using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest;

public static class IngestServiceExtensions
{
    public static WebApplicationBuilder AddIngestServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddObjectStore();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RawUploadWriter>();

        // Kestrel's own body limit (30 MB by default) would cut uploads short before ours answers.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var max = context.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>()?.MaxUploadBytes
                ?? new IngestOptions().MaxUploadBytes;
            kestrel.Limits.MaxRequestBodySize = max + 1;
        });
        return builder;
    }
}
