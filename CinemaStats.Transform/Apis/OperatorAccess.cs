using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Apis;

/// <summary>
/// The <c>Transform:OperatorApi</c> section: the service credential the web sends on behalf of
/// its signed-in operators. The operator API starts reprocessing and shows quarantined rows, so
/// in AWS a security group alone is not enough.
/// </summary>
public sealed class OperatorAccessOptions : IValidatableObject
{
    public const string SectionName = "Transform:OperatorApi";

    /// <summary>The header carrying the key.</summary>
    public const string KeyHeader = "X-Operator-Key";

    /// <summary>The shared key; when set, every operator request must carry it in <see cref="KeyHeader"/>.</summary>
    public string? Key { get; set; }

    /// <summary>Refuse to start without a <see cref="Key"/> (set in AWS, where the key comes from Secrets Manager).</summary>
    public bool RequireKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequireKey && string.IsNullOrEmpty(Key))
        {
            yield return new ValidationResult(
                "Transform:OperatorApi:RequireKey is true but Transform:OperatorApi:Key is empty: put the operator API key into its secret (docs/deployment.md).",
                [nameof(Key)]);
        }
        if (!string.IsNullOrEmpty(Key) && Key.Length < 32)
        {
            yield return new ValidationResult("Transform:OperatorApi:Key must be at least 32 characters (e.g. openssl rand -hex 32).", [nameof(Key)]);
        }
    }
}

/// <summary>
/// Admits an operator request only with the configured key: 401 when it carries none, 403 when
/// it carries another. Without a configured key (local development) every request passes.
/// </summary>
public sealed class OperatorKeyFilter(IOptions<OperatorAccessOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }
        var http = context.HttpContext;
        var presented = http.Request.Headers[OperatorAccessOptions.KeyHeader].ToString();
        if (presented.Length == 0)
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{OperatorAccessOptions.KeyHeader}\"";
            return TypedResults.Problem(
                $"The operator API needs the service key in the {OperatorAccessOptions.KeyHeader} header; the web app sends it for signed-in operators.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Operator credential missing");
        }
        if (!KeysEqual(presented, expected))
        {
            return TypedResults.Problem(
                $"The key in {OperatorAccessOptions.KeyHeader} is not the operator API's key: check the web's Web:TransformOperatorKey secret.",
                statusCode: StatusCodes.Status403Forbidden, title: "Operator credential refused");
        }
        return await next(context);
    }

    // Compares hashes, so the time taken says nothing about the key's length or prefix.
    private static bool KeysEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
