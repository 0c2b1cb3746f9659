using System.Security.Claims;
using System.Text.Encodings.Web;
using CinemaStats.Web.Queries.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CinemaStats.Web.ComponentTests;

/// <summary>
/// The real web app in memory, its queries answered by <see cref="FixedDashboardQueries"/>. With
/// sign-in on, the identity provider's address is known without fetching its metadata, and a
/// request's <c>X-Test-Roles</c> header signs it in with those roles (no header: anonymous).
/// </summary>
public sealed class DashboardHost(bool signInOn, string? publicOrigin = null) : WebApplicationFactory<Program>
{
    public const string Authority = "https://login.example.test";
    public const string RolesHeader = "X-Test-Roles";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-web-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Mode", "filesystem");
        builder.UseSetting("Storage:RootPath", _root);
        builder.UseSetting("Auth:Enabled", signInOn ? "true" : "false");
        builder.UseSetting("Auth:Authority", Authority);
        builder.UseSetting("Auth:ClientId", "dashboard");
        builder.UseSetting("Auth:RoleClaim", "cognito:groups");
        if (publicOrigin is not null)
        {
            builder.UseSetting("Auth:PublicOrigin", publicOrigin);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IDashboardQueries>(new FixedDashboardQueries());
            if (!signInOn)
            {
                return;
            }
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = Authority + "/oauth2/authorize", Issuer = Authority };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            });
            services.AddAuthentication(o =>
                {
                    o.DefaultAuthenticateScheme = HeaderRolesHandler.SchemeName;
                    o.DefaultForbidScheme = HeaderRolesHandler.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderRolesHandler>(HeaderRolesHandler.SchemeName, null);
        });
    }

    public HttpClient Client(params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class HeaderRolesHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestRoles";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var header))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var claims = new List<Claim> { new("name", "Test User") };
            claims.AddRange(header.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Where(r => r != "none").Select(r => new Claim("cognito:groups", r)));
            var identity = new ClaimsIdentity(claims, SchemeName, "name", "cognito:groups");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
