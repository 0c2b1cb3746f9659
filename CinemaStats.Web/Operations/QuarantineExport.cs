using CinemaStats.Web.Auth;

namespace CinemaStats.Web.Operations;

/// <summary>
/// <c>GET /uploads/{id}/quarantine.csv</c>: an upload's quarantined rows as CSV, as ingest writes
/// them (one CSV writer, in Core), streamed through the web so the browser needs no API key.
/// </summary>
public static class QuarantineExport
{
    public static IEndpointRouteBuilder MapQuarantineExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/uploads/{id}/quarantine.csv", ExportAsync).RequireAuthorization(Policies.Analyst);
        return app;
    }

    /// <summary>The CSV link of an upload, for the pages.</summary>
    public static string Link(string uploadId) => $"/uploads/{Uri.EscapeDataString(uploadId)}/quarantine.csv";

    public static async Task ExportAsync(string id, HttpContext context, IngestClient ingest, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await ingest.QuarantineCsvAsync(id, cancellationToken);
        }
        catch (ServiceCallException e)
        {
            await TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "The quarantined rows could not be read").ExecuteAsync(context);
            return;
        }
        using (response)
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"quarantine-{id}.csv\"";
            await response.Content.CopyToAsync(context.Response.Body, cancellationToken);
        }
    }
}
