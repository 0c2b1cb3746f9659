using System.Text;
using System.Text.Json;

namespace CinemaStats.Core.Pipeline;

/// <summary>
/// A quarantine file (JSON Lines of <see cref="QuarantinedRow"/>) as CSV for a spreadsheet, streamed
/// line by line: RFC 4180 quoting, and a text that a spreadsheet would run as a formula
/// (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> first) starts with an apostrophe.
/// </summary>
public static class QuarantineCsv
{
    public const string Header = "line,code,field,reason,raw,source_object";

    public static async Task WriteAsync(Stream quarantine, Stream csv, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(quarantine, Encoding.UTF8);
        await using var writer = new StreamWriter(csv, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var row = JsonSerializer.Deserialize<QuarantinedRow>(line)!;
            await writer.WriteLineAsync(string.Join(',',
                row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Field(row.Code ?? ""), Field(row.Field ?? ""), Field(row.Reason), Field(row.Raw), Field(row.SourceObject)));
        }
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
