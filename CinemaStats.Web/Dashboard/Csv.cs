using System.Text;

namespace CinemaStats.Web.Dashboard;

/// <summary>RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled.</summary>
public static class Csv
{
    public static string Write(TableData table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
        {
            AppendLine(text, row.Select(c => c.Csv));
        }
        return text.ToString();
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }
}
