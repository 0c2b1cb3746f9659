using System.Text;
using CinemaStats.Transform.Cinemas;

namespace CinemaStats.Transform.Tests.Cinemas;

/// <summary>The cinemas reference file: aliases, separators, and every kind of row it refuses, with the field and reason.</summary>
public sealed class CinemasCsvReaderTests
{
    private static List<CinemaReadResult> Read(string text) =>
        [.. CinemasCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "raw/cinemas/x.csv")];

    [Fact]
    public void Aliased_headers_in_any_order_with_semicolons_and_quotes_are_read_and_other_columns_ignored()
    {
        var rows = Read("\uFEFFRegion;Site Name;Screens;Site ID\nNorth;\"Manchester; Printworks\";12;MAN1\n;Leeds Central;8;LDS1\n");

        Assert.Equal([new CinemaRow("MAN1", "Manchester; Printworks", "North"), new CinemaRow("LDS1", "Leeds Central", null)], rows.Select(r => r.Row));
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_header_without_an_id_or_a_name_fails_the_file_saying_what_is_missing()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("code_name,region\nX,North\n"));

        Assert.Contains("no cinema_id or name column", error.Message);
        Assert.Contains("found: code_name, region", error.Message);
    }

    [Theory]
    [InlineData("cinema_id,name\n,Nameless\n", "cinema_id", "cinema_id is empty")]
    [InlineData("cinema_id,name\nC1,\n", "name", "name is empty")]
    [InlineData("cinema_id,name\nC1,Odeon\u0007\n", "name", "control character")]
    [InlineData("cinema_id,name,region\nC1,Odeon,North,extra\n", null, "4 cells under a header of 3")]
    public void A_bad_row_is_refused_with_its_field_and_a_reason(string text, string? field, string reason)
    {
        var rejected = Assert.Single(Read(text)).Rejected;

        Assert.NotNull(rejected);
        Assert.Equal(field, rejected.Field);
        Assert.Contains(reason, rejected.Reason);
        Assert.Equal(2, rejected.LineNumber);
    }

    [Fact]
    public void An_oversized_name_is_refused_not_cut()
    {
        var name = new string('x', CinemasCsvReader.MaxNameLength + 1);

        var rejected = Assert.Single(Read($"cinema_id,name\nC1,{name}\n")).Rejected;

        Assert.Equal(("name", $"name is {name.Length} characters long; at most {CinemasCsvReader.MaxNameLength} are kept"), (rejected!.Field, rejected.Reason));
    }
}
