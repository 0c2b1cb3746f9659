using System.Security.Claims;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Ingest.Auth;
using CinemaStats.Ingest.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CinemaStats.Ingest.Apis;

/// <summary>Receiving raw files: through this API, or straight to S3 with a presigned URL.</summary>
public static class UploadsApi
{
    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Uploads").RequireAuthorization();
        v1.MapPut("/sources/{source}/files/{name}", PutFileAsync)
            .WithName("PutSourceFile")
            .WithSummary("Store one raw file of a source, exactly as sent (gzip allowed). 201 for new content, 200 for content already received.");
        v1.MapPost("/sources/{source}/uploads", CreateDirectUploadAsync)
            .WithName("CreateDirectUpload")
            .WithSummary("Get a short-lived presigned URL to PUT one file straight to S3.");
        v1.MapGet("/uploads/{id}", GetUploadAsync)
            .WithName("GetUpload")
            .WithSummary("What became of an upload: awaiting-upload, receiving, stored, processing, processed (with its quality report: rows in, out, quarantined by reason, flagged by flag, superseded) or failed (with why).");
        v1.MapGet("/uploads/{id}/quarantine.csv", GetQuarantineCsvAsync)
            .WithName("GetUploadQuarantineCsv")
            .WithSummary("The upload's quarantined rows as CSV: line, reason code, field, reason, the row as sent and its raw object. Only the header when none was quarantined.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    public static async Task<Results<Created<UploadStatus>, Ok<UploadStatus>, ProblemHttpResult>> PutFileAsync(
        string source, string name, HttpRequest request, ClaimsPrincipal user, RawUploadWriter writer, UploadStatusReader status, CancellationToken cancellationToken)
    {
        if (Authorize(source, user) is { } refused)
        {
            return refused;
        }
        try
        {
            var outcome = await writer.StoreAsync(SourceCatalog.Find(source)!, name, request.ContentType, request.ContentLength, request.Body, user.Uploader(), cancellationToken);
            var body = await status.GetAsync(outcome.Record.UploadId, cancellationToken)
                ?? throw new InvalidOperationException($"Upload {outcome.Record.UploadId} was stored but has no record.");
            return outcome.Created
                ? TypedResults.Created($"/v1/uploads/{body.UploadId}", body)
                : TypedResults.Ok(body);
        }
        catch (UploadRejectedException e)
        {
            return Problems.Result(e.StatusCode, e.Title, e.Message, e.Field);
        }
        catch (Exception e) when (e is ObjectStoreUnavailableException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Unavailable(request.HttpContext);
        }
    }

    public static async Task<Results<Created<DirectUploadTicket>, Ok<DirectUploadTicket>, ProblemHttpResult>> CreateDirectUploadAsync(
        string source, DirectUploadRequest body, HttpContext context, ClaimsPrincipal user, DirectUploads uploads, CancellationToken cancellationToken)
    {
        if (Authorize(source, user) is { } refused)
        {
            return refused;
        }
        try
        {
            var (ticket, created) = await uploads.IssueAsync(SourceCatalog.Find(source)!, body, user.Uploader(), cancellationToken);
            return created ? TypedResults.Created($"/v1/uploads/{ticket.UploadId}", ticket) : TypedResults.Ok(ticket);
        }
        catch (UploadRejectedException e)
        {
            return Problems.Result(e.StatusCode, e.Title, e.Message, e.Field);
        }
        catch (ObjectStoreUnavailableException)
        {
            return Unavailable(context);
        }
    }

    public static async Task<Results<Ok<UploadStatus>, ProblemHttpResult>> GetUploadAsync(
        string id, HttpContext context, ClaimsPrincipal user, UploadStatusReader reader, CancellationToken cancellationToken)
    {
        if (!UploadId.IsWellFormed(id))
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "The upload id is not valid",
                $"Upload ids are 32 lower-case hex digits, as returned by the upload; '{id}' is not one.", "id");
        }
        try
        {
            var status = await reader.GetAsync(id, cancellationToken);
            if (status is null || !user.MaySend(status.Source))
            {
                // A key that may not see the source learns nothing, not even that the upload exists.
                return Problems.Result(StatusCodes.Status404NotFound, "No such upload", $"There is no upload {id} that this API key may see.", "id");
            }
            return TypedResults.Ok(status);
        }
        catch (ObjectStoreUnavailableException)
        {
            return Unavailable(context);
        }
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> GetQuarantineCsvAsync(
        string id, HttpContext context, ClaimsPrincipal user, UploadStatusReader reader, IObjectStore store, CancellationToken cancellationToken)
    {
        var found = await GetUploadAsync(id, context, user, reader, cancellationToken);
        if (found.Result is ProblemHttpResult problem)
        {
            return problem;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"quarantine-{id}.csv\"";
        try
        {
            await using var quarantine = await store.OpenReadAsync(PipelineKey.Quarantine(id), cancellationToken);
            await QuarantineCsv.WriteAsync(quarantine, context.Response.Body, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            await context.Response.WriteAsync(QuarantineCsv.Header + "\r\n", cancellationToken);
        }
        return TypedResults.Empty;
    }

    private static ProblemHttpResult? Authorize(string source, ClaimsPrincipal user)
    {
        if (SourceCatalog.Find(source) is null)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Unknown source",
                $"There is no source '{source}'. Known sources: {string.Join(", ", SourceCatalog.All.Select(s => s.Name))} (GET /v1/sources).", "source");
        }
        return user.MaySend(source)
            ? null
            : Problems.Result(StatusCodes.Status403Forbidden, "This API key may not send this source",
                $"The key of '{user.Uploader()}' is for other sources than '{source}'. Use the key issued for '{source}'.", "source");
    }

    private static ProblemHttpResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "30";
        return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable",
            "Nothing was stored because storage did not answer. Send the file again in 30 seconds.");
    }
}
