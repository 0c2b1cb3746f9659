using CinemaStats.Core.Sources;
using CinemaStats.Ingest.Uploads;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest.Apis;

/// <summary>One source as senders need to know it.</summary>
public sealed record SourceDescription(string Name, string Description, IReadOnlyList<string> FileEndings, IReadOnlyList<string> ContentTypes, long MaxUploadBytes);

public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/sources", (IOptions<IngestOptions> options) => TypedResults.Ok(SourceCatalog.All.Select(s => new SourceDescription(
                s.Name,
                s.Description,
                [.. s.Extensions, .. s.Extensions.Select(e => e + ".gz")],
                UploadContentType.AcceptedFor(s, ".gz"),
                options.Value.MaxUploadBytes)).ToList()))
            .WithTags("Sources")
            .WithName("ListSources")
            .WithSummary("The sources this API accepts, with their file endings and content types.");
        return app;
    }
}
