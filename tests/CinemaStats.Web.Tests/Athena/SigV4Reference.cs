using System.Security.Cryptography;
using System.Text;

namespace CinemaStats.Web.Tests.Athena;

/// <summary>
/// SigV4 written out from the specification, independent of the code under test and of the AWS
/// SDK, to check signatures against: string to sign, then the HMAC chain of date, region,
/// service and <c>aws4_request</c>.
/// </summary>
public static class SigV4Reference
{
    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>The canonical request of a recorded POST to <c>/</c> with no query, over the given signed headers.</summary>
    public static string CanonicalRequest(RecordedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var lines = new StringBuilder();
        lines.Append(request.Method.Method).Append('\n').Append(request.Uri.AbsolutePath).Append('\n').Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = name switch
            {
                "host" => request.Uri.Authority,
                "content-type" => request.ContentType ?? "",
                _ => request.Header(name),
            };
            lines.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }
        lines.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        lines.Append(Hex(SHA256.HashData(request.Body)));
        return lines.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
