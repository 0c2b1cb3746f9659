using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest.Auth;

/// <summary>
/// Authenticates a request by its API key, sent as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// The caller's name and allowed sources become claims.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string SourceClaim = "cinemastats:source";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var entry = keys.Find(presented);
        if (entry is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not recognised."));
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, entry.Name) };
        claims.AddRange(entry.Sources.Select(s => new Claim(SourceClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var hasKey = PresentedKey(Request) is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            hasKey ? "The API key is not recognised" : "An API key is required",
            hasKey
                ? "The key sent is not one of this service's keys. Check it for typing errors, or ask for a new one."
                : $"Send your API key in the {HeaderName} header (or as Authorization: Bearer <key>).",
            field: HeaderName);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

public static class SourceAccess
{
    /// <summary>Whether the caller's key may send or read <paramref name="source"/>.</summary>
    public static bool MaySend(this ClaimsPrincipal user, string source) =>
        user.FindAll(ApiKeyAuthenticationHandler.SourceClaim).Any(c => c.Value == "*" || c.Value == source);

    public static string Uploader(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
