using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CinemaStats.Ingest;

/// <summary>
/// Problem details (RFC 9457) the way this API writes them: a title a person understands, a
/// detail saying what to change, and the <c>field</c> that was wrong.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Result(int status, string title, string detail, string? field = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
