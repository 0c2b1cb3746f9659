using System.Text;
using System.Text.Json.Nodes;
using CinemaStats.Transform.Pos;

namespace CinemaStats.Transform.Tests.Pos;

public sealed class PosTransactionsReaderTests
{
    private const string Clean =
        """{"transaction_id":"T1","line_no":1,"cinema_id":"C1","terminal_id":"C1-BO1","channel":"POS","transaction_ts":"2026-03-06T19:00:00+00:00","business_date":"2026-03-06","line_type":"TICKET","session_id":"S1","ticket_type":"ADULT","sku":null,"quantity":2,"unit_price":12.50,"discount":0.00,"tax":4.17,"currency":"GBP","status":"COMPLETED","original_transaction_id":null}""";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void A_clean_line_becomes_minor_units_and_a_UTC_instant()
    {
        var line = Single(Clean);

        Assert.Equal(("T1", 1, "C1", "POS", "TICKET", "S1", "ADULT", 2), (line.TransactionId, line.LineNo, line.CinemaId, line.Channel, line.LineType, line.SessionId, line.TicketType, line.Quantity));
        Assert.Equal((1250L, 0L, 417L, 2500L, "GBP"), (line.UnitPriceMinor, line.DiscountMinor, line.TaxMinor, line.AmountMinor, line.Currency));
        Assert.Equal(new DateTime(2026, 3, 6, 19, 0, 0, DateTimeKind.Utc), line.TransactionTsUtc);
        Assert.Equal(new DateOnly(2026, 3, 6), line.BusinessDate);
        Assert.False(line.IsVoid || line.IsRefund || line.IsComp);
        Assert.Empty(line.Flags);
    }

    [Fact]
    public void A_decimal_comma_is_read_and_the_discount_is_for_the_whole_line()
    {
        var line = Single(With(Clean, ("unit_price", "12,50"), ("discount", "1,25"), ("tax", "3,96")));

        Assert.Equal((1250L, 125L, 396L), (line.UnitPriceMinor, line.DiscountMinor, line.TaxMinor));
        Assert.Equal(2 * 1250 - 125, line.AmountMinor);
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read()
    {
        var line = Single(With(Clean, ("quantity", "3"), ("line_no", "2"), ("unit_price", "9.99"), ("tax", "1.00")));

        Assert.Equal((3, 2, 999L, 100L, 2997L), (line.Quantity, line.LineNo, line.UnitPriceMinor, line.TaxMinor, line.AmountMinor));
    }

    [Theory]
    [InlineData("2026-03-06T19:00:00Z", "C1", "2026-03-06T19:00:00")]
    [InlineData("2026-03-06T20:00:00+01:00", "C1", "2026-03-06T19:00:00")]
    [InlineData("2026-07-06T20:00:00", "C1", "2026-07-06T19:00:00")] // local, British Summer Time
    [InlineData("2026-03-06 19:00:00", "C1", "2026-03-06T19:00:00")] // local, GMT, with a space
    [InlineData("2026-03-06T19:00:00.250Z", "C1", "2026-03-06T19:00:00.250")]
    public void Timestamps_with_an_offset_with_Z_or_local_all_become_UTC(string timestamp, string cinema, string expectedUtc)
    {
        var line = Single(With(Clean, ("transaction_ts", timestamp), ("cinema_id", cinema)));

        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), line.TransactionTsUtc);
        Assert.Empty(line.Flags);
    }

    [Fact]
    public void A_local_timestamp_of_a_cinema_whose_zone_is_unknown_is_read_as_UTC_and_flagged()
    {
        var line = Single(With(Clean, ("transaction_ts", "2026-03-06T19:00:00"), ("cinema_id", "C9")));

        Assert.Equal(new DateTime(2026, 3, 6, 19, 0, 0, DateTimeKind.Utc), line.TransactionTsUtc);
        Assert.Equal([PosCodes.TimeZoneUnknown], line.Flags);
    }

    [Fact]
    public void Without_business_date_a_sale_after_midnight_belongs_to_the_day_before()
    {
        var line = Single(Without(With(Clean, ("transaction_ts", "2026-03-07T01:30:00")), "business_date"));

        Assert.Equal(new DateOnly(2026, 3, 6), line.BusinessDate);
    }

    [Fact]
    public void Lower_case_codes_are_upper_cased()
    {
        var line = Single(With(Clean, ("channel", "www"), ("currency", "gbp"), ("line_type", "ticket"), ("ticket_type", "adult"), ("status", "completed")));

        Assert.Equal(("WWW", "GBP", "TICKET", "ADULT", "COMPLETED"), (line.Channel, line.Currency, line.LineType, line.TicketType, line.Status));
    }

    [Fact]
    public void A_ticket_line_without_session_is_kept_with_a_flag_whether_null_or_absent()
    {
        var asNull = Single(With(Clean, ("session_id", null)));
        var absent = Single(Without(Clean, "session_id"));
        var concession = Single(Without(With(Clean, ("line_type", "CONCESSION"), ("ticket_type", null), ("sku", "POPCORN-M")), "session_id"));

        Assert.Null(asNull.SessionId);
        Assert.Equal([PosCodes.SessionIdMissing], asNull.Flags);
        Assert.Equal([PosCodes.SessionIdMissing], absent.Flags);
        Assert.Empty(concession.Flags); // counter sales have no session by design
    }

    [Fact]
    public void A_void_line_is_kept_and_marked()
    {
        var line = Single(With(Clean, ("status", "void")));

        Assert.True(line.IsVoid);
        Assert.Equal(PosCodes.Void, line.Status);
    }

    [Fact]
    public void A_refund_has_a_negative_quantity_and_amount_and_names_the_sale()
    {
        var line = Single(With(Clean, ("transaction_id", "T2"), ("quantity", "-1"), ("tax", "-2.08"), ("original_transaction_id", "T1")));

        Assert.True(line.IsRefund);
        Assert.Equal((-1, -1250L, -208L, "T1"), (line.Quantity, line.AmountMinor, line.TaxMinor, line.OriginalTransactionId));
    }

    [Fact]
    public void A_comp_ticket_is_marked()
    {
        Assert.True(Single(With(Clean, ("ticket_type", "comp"), ("unit_price", "0.00"))).IsComp);
    }

    [Fact]
    public void Unusable_lines_are_rejected_with_their_line_field_and_reason_and_every_line_is_accounted_for()
    {
        var text = string.Join("\r\n",
            Clean,
            """{"transaction_id":"T2","line_no":1,""", // cut short
            "",
            With(Clean, ("transaction_id", null)),
            With(Clean, ("quantity", "two")),
            With(Clean, ("quantity", "1.5")),
            With(Clean, ("line_type", "GIFTCARD")),
            With(Clean, ("transaction_ts", "yesterday")),
            "[1,2]",
            With(Clean, ("line_no", "2"))) + "\r\n";

        var results = Read(text, withBom: true);

        Assert.Equal(9, results.Count); // the blank line is no row
        Assert.Equal(2, results.Count(r => r.Record is not null));
        var rejected = results.Where(r => r.Rejected is not null).Select(r => r.Rejected!).ToList();
        Assert.Equal([2L, 4, 5, 6, 7, 8, 9], rejected.Select(r => r.LineNumber));
        Assert.Equal([null, "transaction_id", "quantity", "quantity", "line_type", "transaction_ts", null], rejected.Select(r => r.Field));
        Assert.StartsWith("invalid JSON", rejected[0].Reason);
        Assert.Contains("'two' is not a number", rejected[2].Reason);
        Assert.Contains("GIFTCARD", rejected[4].Reason);
        Assert.Equal("""{"transaction_id":"T2","line_no":1,""", rejected[0].RawText);
        Assert.Equal(10, results[^1].LineNumber);
    }

    [Fact]
    public void A_file_of_many_blocks_comes_out_in_file_order_with_line_numbers_and_each_bad_lines_own_text()
    {
        // The file is read and parsed a block of bytes at a time, one block parsed while the one
        // before is handed on: order, line numbers and refused lines must be those of the file,
        // across block boundaries, also past a line longer than a block.
        const int lines = 12_000; // ~4 MiB: several blocks
        var bad = new HashSet<int> { 0, 2_999, 3_000, 7_777, 11_999 };
        var blank = new HashSet<int> { 5, 6_000 };
        const int huge = 9_000;
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var line = blank.Contains(i) ? "   "
                : bad.Contains(i) ? With(Clean, ("transaction_id", $"T{i}"), ("quantity", $"q{i}"))
                : With(Clean, ("transaction_id", $"T{i}"), ("line_no", (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i == huge)
            {
                line = line.Insert(1, $"\"note\":\"{new string('x', 1_500_000)}\",");
            }
            text.Append(line).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var results = Read(text.ToString(), withBom: true);

        Assert.Equal(lines - blank.Count, results.Count);
        var expectedLine = 0;
        foreach (var result in results)
        {
            do
            {
                expectedLine++;
            }
            while (blank.Contains(expectedLine - 1));
            var i = expectedLine - 1;
            Assert.Equal(expectedLine, result.LineNumber);
            if (bad.Contains(i))
            {
                Assert.Null(result.Record);
                Assert.Equal("quantity", result.Rejected!.Field);
                Assert.Contains($"'q{i}' is not a number", result.Rejected.Reason);
                Assert.Contains($"\"T{i}\"", result.Rejected.RawText);
            }
            else
            {
                Assert.Null(result.Rejected?.Reason);
                Assert.Equal(($"T{i}", i % 5 + 1), (result.Record!.TransactionId, result.Record.LineNo));
            }
        }
    }

    private static PosLine Single(string line)
    {
        var result = Assert.Single(Read(line + "\n"));
        Assert.Null(result.Rejected?.Reason);
        return result.Record!;
    }

    private static List<PosTransactionsReader.Result> Read(string text, bool withBom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var content = new MemoryStream(withBom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return [.. PosTransactionsReader.Read(content, cinema => cinema == "C1" ? London : null)];
    }

    private static string With(string line, params (string Field, string? Value)[] changes)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        foreach (var (field, value) in changes)
        {
            node[field] = value is null ? null : JsonValue.Create(value);
        }
        return node.ToJsonString();
    }

    private static string Without(string line, string field)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }
}
