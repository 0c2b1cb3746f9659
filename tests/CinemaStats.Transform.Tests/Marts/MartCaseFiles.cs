using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>Hand-made raw files for the mart tests, uploaded as ingest would, and kept for the independent computation.</summary>
internal sealed class MartCaseFiles(PipelineHarness h)
{
    public const string SessionsHeader = "session_id,cinema_id,screen_id,capacity,film_code,film_title_raw,showtime_local,business_date,status,cinema_tz,currency\n";

    public List<(RawObjectKey Key, string Source, string Text)> Uploaded { get; } = [];

    public async Task<RawObjectKey> PutAsync(string source, string text, string extension)
    {
        var key = new RawObjectKey(source, new DateOnly(2026, 3, 8), Guid.NewGuid().ToString("N"), extension);
        await h.Store.PutAsync(key.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: PipelineHarness.Ct);
        Uploaded.Add((key, source, text));
        return key;
    }

    public RawSales Raw() => RawSales.Read(Uploaded.Select(u => (u.Key.ToString(), u.Source, u.Text)));

    /// <summary>One POS line of a completed sale at cinema C1 (unless given), in the currency given (GBP by default), as a JSON Lines row; a null session is a counter sale.</summary>
    public static string Line(string transaction, int lineNo, string? session, string businessDate, string lineType, string? ticketType, int quantity, string unitPrice,
        string discount = "0.00", string currency = "gbp", string status = "COMPLETED", string? original = null, string cinema = "C1") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["transaction_id"] = transaction, ["line_no"] = lineNo, ["cinema_id"] = cinema, ["terminal_id"] = cinema + "-BO1", ["channel"] = "POS",
            ["transaction_ts"] = $"{businessDate}T18:00:00Z", ["business_date"] = businessDate, ["line_type"] = lineType, ["session_id"] = session,
            ["ticket_type"] = ticketType, ["sku"] = lineType == "TICKET" ? null : "POPCORN-M", ["quantity"] = quantity, ["unit_price"] = unitPrice,
            ["discount"] = discount, ["tax"] = "0.00", ["currency"] = currency, ["status"] = status, ["original_transaction_id"] = original,
        });

    /// <summary>The worked example of docs/data-contract.md on session S1 of 2026-03-06, with a voided sale, a booking fee and a concession that must not count as tickets.</summary>
    public static string WorkedExample(string session = "S1") => string.Join("\n",
        Line("T1", 1, session, "2026-03-06", "TICKET", "ADULT", 30, "10.00"),
        Line("T1", 2, session, "2026-03-06", "FEE", null, 30, "0.75"),
        Line("T2", 1, session, "2026-03-06", "TICKET", "ADULT", -1, "10.00", original: "T1"),
        Line("T3", 1, session, "2026-03-06", "TICKET", "COMP", 2, "0.00"),
        Line("T4", 1, session, "2026-03-06", "TICKET", "ADULT", 5, "10.00", status: "VOID"),
        Line("T5", 1, session, "2026-03-06", "CONCESSION", null, 2, "5,95")) + "\n";
}
