using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace CinemaStats.Web.Auth;

public static class AuthSetup
{
    /// <summary>
    /// With Auth:Enabled, a cookie session signed in through OpenID Connect and role policies;
    /// without, every visitor may do everything (the layout says so in a banner).
    /// </summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        builder.Services.AddCascadingAuthenticationState();

        if (!options.Enabled)
        {
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy(Policies.Analyst, p => p.RequireAssertion(_ => true))
                .AddPolicy(Policies.Operator, p => p.RequireAssertion(_ => true));
            return builder;
        }

        if (string.IsNullOrWhiteSpace(options.Authority) || string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new InvalidOperationException("Auth:Enabled is true but Auth:Authority or Auth:ClientId is missing.");
        }
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o => o.AccessDeniedPath = "/denied")
            .AddOpenIdConnect(o =>
            {
                o.Authority = options.Authority;
                o.ClientId = options.ClientId;
                o.ClientSecret = options.ClientSecret;
                o.ResponseType = "code";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = options.RoleClaim;
                o.ClaimActions.MapJsonKey(options.RoleClaim, options.RoleClaim);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Analyst, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => HasRole(c.User, options, options.AnalystRole) || HasRole(c.User, options, options.OperatorRole)))
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => HasRole(c.User, options, options.OperatorRole)));
        return builder;
    }

    /// <summary>
    /// Requests as users made them: with <see cref="AuthOptions.PublicOrigin"/> set, scheme and host
    /// are the public ones, so sign-in callbacks and cookies use the https address. Call before
    /// authentication.
    /// </summary>
    public static WebApplication UsePublicOrigin(this WebApplication app)
    {
        var origin = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.PublicOrigin;
        if (origin is not null)
        {
            var host = origin.IsDefaultPort ? new HostString(origin.Host) : new HostString(origin.Host, origin.Port);
            app.Use((context, next) =>
            {
                context.Request.Scheme = origin.Scheme;
                context.Request.Host = host;
                return next(context);
            });
        }
        return app;
    }

    /// <summary>Sign-in and sign-out addresses (only with sign-in on).</summary>
    public static WebApplication MapDashboardAuth(this WebApplication app)
    {
        var options = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (options.Enabled)
        {
            app.MapGet("/signin", () => TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }));
            app.MapPost("/signout", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])).RequireAuthorization();
        }
        return app;
    }

    private static bool HasRole(System.Security.Claims.ClaimsPrincipal user, AuthOptions options, string role) =>
        user.Claims.Any(c => c.Type == options.RoleClaim && string.Equals(c.Value, role, StringComparison.OrdinalIgnoreCase));
}
