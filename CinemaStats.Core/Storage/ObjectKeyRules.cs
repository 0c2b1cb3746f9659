using System.Text;

namespace CinemaStats.Core.Storage;

/// <summary>
/// Keys both stores accept: relative, '/'-separated, no empty, '.'-led or control-character
/// segments. The same rules on both stores keep an object written locally valid on S3.
/// </summary>
public static class ObjectKeyRules
{
    public const int MaxKeyBytes = 1024;

    public static void EnsureValidKey(string key)
    {
        var problem = Problem(key, isPrefix: false);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid object key '{Printable(key)}': {problem}", nameof(key));
        }
    }

    public static void EnsureValidPrefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            return;
        }
        var problem = Problem(prefix, isPrefix: true);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid key prefix '{Printable(prefix)}': {problem}", nameof(prefix));
        }
    }

    private static string? Problem(string key, bool isPrefix)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "it is empty";
        }
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            return $"it is longer than {MaxKeyBytes} bytes";
        }
        if (key.Any(char.IsControl))
        {
            return "it contains a control character";
        }
        if (key.Contains('\\'))
        {
            return "it contains a backslash; separate segments with '/'";
        }
        if (key.StartsWith('/'))
        {
            return "it starts with '/'";
        }
        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Length - 1;
            if (segment.Length == 0 && !(isLast && isPrefix))
            {
                return isLast ? "it ends with '/'" : "it has an empty segment ('//')";
            }
            if (segment.StartsWith('.'))
            {
                return "a segment starts with '.'";
            }
        }
        return null;
    }

    private static string Printable(string value) =>
        new(value.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());
}
