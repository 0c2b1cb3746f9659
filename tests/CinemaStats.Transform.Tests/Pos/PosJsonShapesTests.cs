using System.Text;
using System.Text.Json;
using CinemaStats.Transform.Pos;

namespace CinemaStats.Transform.Tests.Pos;

/// <summary>
/// A line is read by a quick scan when it has the plain shape (flat, ASCII, no escapes) and by a
/// full JSON reader otherwise. Each line here is read both ways, the second time with an escaped
/// field put in front (which sends it to the reader): the outcome must be the same, valid or not.
/// </summary>
public sealed class PosJsonShapesTests
{
    private const string Fields =
        "\"line_no\":1,\"cinema_id\":\"C1\",\"transaction_ts\":\"2026-03-06T19:00:00Z\",\"line_type\":\"TICKET\",\"session_id\":\"S1\",\"quantity\":2,\"unit_price\":12.5,\"currency\":\"GBP\"";

    public static TheoryData<string> ValidShapes => new()
    {
        "{\"transaction_id\":\"T1\"," + Fields + "}",
        "  { \"transaction_id\" : \"T1\" ,\t" + Fields.Replace(",", " , ") + " }  ",
        "{\"transaction_id\":\"T1\"," + Fields + ",\"note\":true,\"flag\":false,\"extra\":null,\"n\":-0.5e+3}",
        "{\"transaction_id\":\"T0\",\"transaction_id\":\"T1\"," + Fields + "}", // repeated: the last one counts
        "{\"transaction_id\":\"T1\"," + Fields.Replace("\"quantity\":2", "\"quantity\":2E0") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("12.5", "-0") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("\"S1\"", "\"\"") + "}",
        "{\"transaction_id\":\"T1\"," + Fields + ",\"nested\":{\"a\":[1,2]}}",
        "{\"transaction_id\":\"Tö\"," + Fields + "}",
        "{}",
    };

    public static TheoryData<string> InvalidShapes => new()
    {
        "{\"transaction_id\":\"T1\"," + Fields + ",}",
        "{\"transaction_id\" \"T1\"," + Fields + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("\"quantity\":2", "\"quantity\":02") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("12.5", "12.") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("12.5", ".5") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("12.5", "-") + "}",
        "{\"transaction_id\":\"T1\"," + Fields.Replace("12.5", "1e") + "}",
        "{\"transaction_id\":\"T1\"," + Fields + ",\"x\":tru}",
        "{\"transaction_id\":\"T1\"," + Fields + ",\"x\":nulls}",
        "{\"transaction_id\":\"T1\"," + Fields + "}x",
        "{\"transaction_id\":\"T1\"," + Fields + "}}",
        "{\"transaction_id\":\"T1\"," + Fields,
        "{\"transaction_id\":\"T1\t2\"," + Fields + "}",
        "{'transaction_id':\"T1\"," + Fields + "}",
        "{\"transaction_id\":\"T1\"," + Fields + " /* note */}",
        "[\"transaction_id\"]",
    };

    [Theory]
    [MemberData(nameof(ValidShapes))]
    [MemberData(nameof(InvalidShapes))]
    public void The_quick_scan_and_the_JSON_reader_agree(string line)
    {
        var viaReader = line.TrimStart().StartsWith('{') ? line.TrimStart().Insert(1, "\"\\u0061\":1" + (line.Contains("{}") ? "" : ",")) : line;
        if (line.TrimStart() == "{}")
        {
            viaReader = "{\"\\u0061\":1}";
        }

        Assert.Equal(Outcome(viaReader), Outcome(line));
    }

    [Theory]
    [MemberData(nameof(InvalidShapes))]
    public void A_line_that_is_not_JSON_is_refused_as_such(string line)
    {
        var result = Assert.Single(Read(line));
        Assert.Null(result.Record);
        Assert.True(result.Rejected!.Reason.StartsWith("invalid JSON", StringComparison.Ordinal) || result.Rejected.Reason.Contains("not an object"), result.Rejected.Reason);
    }

    [Fact]
    public void The_last_of_a_repeated_field_counts()
    {
        var line = Assert.Single(Read("{\"transaction_id\":\"T0\",\"transaction_id\":\"T1\"," + Fields + "}")).Record!;
        Assert.Equal("T1", line.TransactionId);
    }

    /// <summary>What came of a line: the cleaned row as JSON, or the field and whether JSON was at fault.</summary>
    private static string Outcome(string line)
    {
        var result = Assert.Single(Read(line));
        return result.Record is { } record
            ? JsonSerializer.Serialize(record)
            : $"rejected {result.Rejected!.Field}: {(result.Rejected.Reason.StartsWith("invalid JSON", StringComparison.Ordinal) ? "invalid JSON" : result.Rejected.Reason)}";
    }

    /// <summary>The line read as the second of a file (a file that starts with '[' is an array and fails whole; see PosTransactionsReaderTests).</summary>
    private static List<PosTransactionsReader.Result> Read(string line) =>
        [.. PosTransactionsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("{}\n" + line + "\n")), _ => null).Skip(1)];
}
