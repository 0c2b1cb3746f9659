using System.Text;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Tests;

public sealed class SessionsCsvReaderTests
{
    private static List<SessionsCsvReader.Result> Read(string csv) =>
        SessionsCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv").ToList();

    [Fact]
    public void Reads_the_canonical_header_and_derives_UTC_from_the_cinema_zone()
    {
        var rows = Read("""
            session_id,cinema_id,screen_id,capacity,film_code,film_title_raw,showtime_local,business_date,format,language,price_group,status,cinema_tz,currency
            S1,C1,1,100,F1,Dune,2026-03-06 19:30,2026-03-06,2D,OV,STD,OPEN,Europe/Berlin,eur
            """);

        var record = Assert.Single(rows).Record!;
        Assert.Equal("S1", record.SessionId);
        Assert.Equal(100, record.Capacity);
        Assert.Equal(new DateTime(2026, 3, 6, 18, 30, 0), record.ShowtimeUtc);
        Assert.Equal(new DateOnly(2026, 3, 6), record.BusinessDate);
        Assert.Equal("EUR", record.Currency);
    }

    [Fact]
    public void Accepts_vendor_aliases_semicolons_a_BOM_CRLF_and_quoted_fields()
    {
        var csv = "\uFEFFSessionId;Cinema;Screen;Seats;Title;Showtime;TimeZone;Currency\r\n" +
                  "A7;C2;3;80;\"Secret; The\";2026-03-07 20:00;Europe/London;GBP\r\n";
        var record = Assert.Single(Read(csv)).Record!;
        Assert.Equal("A7", record.SessionId);
        Assert.Equal("C2", record.CinemaId);
        Assert.Equal(80, record.Capacity);
        Assert.Equal("Secret; The", record.FilmTitleRaw);
    }

    [Fact]
    public void A_show_before_six_belongs_to_the_previous_business_day()
    {
        var rows = Read("""
            session_id,cinema_id,screen_id,showtime_local,cinema_tz,currency
            S1,C1,1,2026-03-07 01:15,Europe/London,GBP
            S2,C1,1,2026-03-07 06:00,Europe/London,GBP
            """);
        Assert.Equal(new DateOnly(2026, 3, 6), rows[0].Record!.BusinessDate);
        Assert.Equal(new DateOnly(2026, 3, 7), rows[1].Record!.BusinessDate);
    }

    [Theory]
    [InlineData("S1,C1,1,not a date,Europe/London,GBP", "showtime_local", 2)]
    [InlineData(",C1,1,2026-03-06 19:30,Europe/London,GBP", "session_id", 2)]
    [InlineData("S1,C1,1,2026-03-06 19:30,Mars/Olympus,GBP", "cinema_tz", 2)]
    [InlineData("S1,C1,1,2026-03-29 01:30,Europe/London,GBP", "showtime_local", 2)]
    public void A_bad_row_is_rejected_with_its_line_field_and_reason(string row, string field, long line)
    {
        var result = Assert.Single(Read("session_id,cinema_id,screen_id,showtime_local,cinema_tz,currency\n" + row + "\n"));
        Assert.Null(result.Record);
        Assert.Equal(field, result.Rejected!.Field);
        Assert.Equal(line, result.Rejected.LineNumber);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejected.Reason));
    }

    [Fact]
    public void A_header_without_the_key_columns_names_what_is_missing()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("title,seats\nDune,100\n"));
        Assert.Contains("session_id", error.Message);
        Assert.Contains("showtime_local", error.Message);
    }

    [Fact]
    public void A_file_longer_than_a_parsing_batch_comes_out_in_file_order_with_each_bad_rows_own_text()
    {
        // Rows are parsed on several threads a batch at a time: order, line numbers and the raw
        // text of refused rows must still be those of the file, across batch boundaries.
        const int rows = 10_000;
        var bad = new HashSet<int> { 1, 4_095, 4_096, 4_097, 8_192, 9_999 };
        var csv = new StringBuilder("session_id,cinema_id,screen_id,showtime_local,cinema_tz,currency\n");
        for (var i = 0; i < rows; i++)
        {
            var showtime = bad.Contains(i) ? $"never {i}" : $"2026-03-{1 + i % 28:D2} 19:30";
            csv.Append($"S{i},C{i % 7},1,{showtime},Europe/London,{(i % 2 == 0 ? "gbp" : "GBP")}\n");
        }

        var results = Read(csv.ToString());

        Assert.Equal(rows, results.Count);
        for (var i = 0; i < rows; i++)
        {
            var result = results[i];
            Assert.Equal(i + 2, result.LineNumber);
            if (bad.Contains(i))
            {
                Assert.Null(result.Record);
                Assert.Equal("showtime_local", result.Rejected!.Field);
                Assert.Equal($"S{i},C{i % 7},1,never {i},Europe/London,{(i % 2 == 0 ? "gbp" : "GBP")}", result.Rejected.RawText);
            }
            else
            {
                Assert.Equal($"S{i}", result.Record!.SessionId);
                Assert.Equal($"C{i % 7}", result.Record.CinemaId);
                Assert.Equal("GBP", result.Record.Currency);
                Assert.Equal(new DateOnly(2026, 3, 1 + i % 28), result.Record.BusinessDate);
            }
        }
    }
}
