using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4. The SDK's service
/// pipeline only signs its own request type, so the canonical request is built here and the
/// SDK's <see cref="AWS4Signer.ComputeSignature(string, string, string, DateTime, string, string, string)"/>
/// derives the signing key and signs the string to sign.
/// </summary>
/// <remarks>
/// Signed headers: <c>host</c>, <c>x-amz-date</c>, <c>content-type</c> when there is a body,
/// and every <c>x-amz-*</c> header on the request (so <c>x-amz-target</c> and the session token).
/// Paths are used as they appear in the URI (already percent-encoded once), which is right for
/// every service but S3.
/// </remarks>
public sealed class AwsSigV4Signer(string region, string service)
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    public string Region { get; } = region;

    public string Service { get; } = service;

    /// <summary>Adds <c>X-Amz-Date</c>, the session token if any, and <c>Authorization</c>.</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, ImmutableCredentials credentials, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var signedAt = now.UtcDateTime;
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.Remove(SecurityTokenHeader);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = HeadersToSign(request, uri);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = CanonicalRequest(request.Method.Method, uri, headers, signedHeaders, HexSha256(body));
        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKey, credentials.SecretKey, Region, signedAt, Service, signedHeaders, canonicalRequest);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>The canonical request of the SigV4 specification, exposed so callers can log or verify it.</summary>
    public static string CanonicalRequest(
        string method, Uri uri, IReadOnlyDictionary<string, string> headers, string signedHeaders, string payloadHashHex)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
        builder.Append('\n');
        builder.Append(signedHeaders).Append('\n');
        builder.Append(payloadHashHex);
        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Lower-case names in ordinal order, values trimmed with inner runs of spaces collapsed.</summary>
    private static SortedDictionary<string, string> HeadersToSign(HttpRequestMessage request, Uri uri)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}",
        };
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = CanonicalValue(values);
            }
        }
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = CanonicalValue([contentType.ToString()]);
        }
        return headers;
    }

    private static string CanonicalValue(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }
        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Encode(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Encode(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding: everything but unreserved characters, hex digits upper-case.</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);
}
