using CinemaStats.Transform.Parsing;
using static CinemaStats.Transform.Parsing.FirstRowPerKey;

namespace CinemaStats.Transform.Tests;

public sealed class FirstRowPerKeyTests
{
    [Fact]
    public void The_first_row_of_a_key_is_kept_a_copy_is_a_duplicate_and_other_text_a_conflict_each_naming_the_first_line()
    {
        var rows = new FirstRowPerKey();

        Assert.Equal(Verdict.First, rows.Admit("S1", "S1,C1,100", 2, out var first));
        Assert.Equal(2, first);
        Assert.Equal(Verdict.First, rows.Admit("S2", "S2,C1,100", 3, out _));
        Assert.Equal((Verdict.Duplicate, 2L), (rows.Admit("S1", "S1,C1,100", 7, out var a), a));
        Assert.Equal((Verdict.KeyConflict, 2L), (rows.Admit("S1", "S1,C1,120", 8, out var b), b));
        Assert.Equal((Verdict.Duplicate, 3L), (rows.Admit("S2", "S2,C1,100", 9, out var c), c));
    }

    [Fact]
    public void Every_key_of_a_large_file_keeps_its_first_line_as_the_table_grows()
    {
        var rows = new FirstRowPerKey();
        for (var line = 1; line <= 200_000; line++)
        {
            Assert.Equal(Verdict.First, rows.Admit($"T{line}", $"row {line}", line, out _));
        }
        for (var line = 1; line <= 200_000; line += 997)
        {
            Assert.Equal((Verdict.Duplicate, (long)line), (rows.Admit($"T{line}", $"row {line}", 300_000 + line, out var kept), kept));
            Assert.Equal((Verdict.KeyConflict, (long)line), (rows.Admit($"T{line}", "other", 400_000 + line, out kept), kept));
        }
    }

    [Fact]
    public void A_refusal_says_which_line_is_kept_and_carries_its_code()
    {
        var duplicate = Refusal(Verdict.Duplicate, 7, 2, "session_id", "S1", "S1,C1")!;
        var conflict = Refusal(Verdict.KeyConflict, 8, 2, "session_id", "S1", "S1,C2")!;

        Assert.Equal((7L, "session_id", "duplicate", "S1,C1"), (duplicate.LineNumber, duplicate.Field, duplicate.ReasonCode, duplicate.RawText));
        Assert.Equal("key conflict with line 2: session_id S1 again with other values (the first row, line 2, is kept)", conflict.Reason);
        Assert.Equal("key_conflict", conflict.ReasonCode);
        Assert.Null(Refusal(Verdict.First, 2, 2, "session_id", "S1", "S1,C1"));
    }
}
