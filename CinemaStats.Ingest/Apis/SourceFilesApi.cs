using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CinemaStats.Ingest.Apis;

public static class SourceFilesApi
{
    public static IEndpointRouteBuilder MapSourceFilesApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Uploads");
        v1.MapPut("/sources/{source}/files/{name}", PutFileAsync)
            .WithName("PutSourceFile")
            .WithSummary("Store one raw file of a source, exactly as sent (gzip allowed).");
        return app;
    }

    public static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> PutFileAsync(
        string source, string name, HttpRequest request, RawUploadWriter writer, CancellationToken cancellationToken)
    {
        var definition = SourceCatalog.Find(source);
        if (definition is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown source",
                $"There is no source '{source}'. Known sources: {string.Join(", ", SourceCatalog.All.Select(s => s.Name))}.", "source");
        }
        try
        {
            var stored = await writer.StoreAsync(definition, name, request.ContentType, request.Body, cancellationToken);
            var body = new UploadResponse(stored.UploadId, stored.Source, stored.Key, stored.Sha256, stored.Size, "stored");
            return TypedResults.Created($"/v1/uploads/{stored.UploadId}", body);
        }
        catch (UploadRejectedException e)
        {
            return Problem(e.StatusCode, e.Title, e.Message, e.Field);
        }
        catch (ObjectStoreUnavailableException)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable",
                "The file was not stored because storage did not answer. Nothing was kept; send it again in a moment.", null);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? field) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}

/// <summary>The answer to a stored upload.</summary>
public sealed record UploadResponse(string UploadId, string Source, string Key, string Sha256, long Size, string Status);
