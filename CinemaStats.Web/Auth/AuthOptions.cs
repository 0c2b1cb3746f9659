namespace CinemaStats.Web.Auth;

/// <summary>Sign-in: OpenID Connect in AWS, off locally unless switched on.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public bool Enabled { get; set; }

    /// <summary>The OpenID Connect issuer, e.g. a Cognito user pool's or an Entra tenant's URL.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the user's roles (Cognito: cognito:groups; Entra: roles).</summary>
    public string RoleClaim { get; set; } = "roles";

    public string AnalystRole { get; set; } = "analyst";

    public string OperatorRole { get; set; } = "operator";

    /// <summary>
    /// The address users reach the dashboard at, e.g. <c>https://stats.example.com</c>. Behind
    /// CloudFront and a plain-HTTP load balancer the app cannot see it, and the identity provider
    /// refuses a sign-in callback to <c>http://…</c>; when set, requests are treated as arriving there.
    /// </summary>
    public Uri? PublicOrigin { get; set; }
}

/// <summary>The two roles' policies: analysts read; operators also upload and reprocess.</summary>
public static class Policies
{
    public const string Analyst = "Analyst";
    public const string Operator = "Operator";
}
