using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Films;

/// <summary>
/// One record of a films file before cleaning: its values by canonical <see cref="FilmField"/>
/// name, as text (JSON numbers keep their literal text), null where the source had null or nothing.
/// </summary>
/// <param name="Line">The line in the file (JSON Lines, CSV) or the 1-based position in a JSON array.</param>
public sealed record FilmSourceRow(long Line, IReadOnlyDictionary<string, string?> Values, string RawText)
{
    public string? this[string field] => Values.GetValueOrDefault(field) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whether the file writes numbers with a decimal comma (a ';' or tab separated CSV; see <c>DelimitedNumber</c>).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>Fields whose JSON value was a number rather than a string (a title written as <c>2012</c>).</summary>
    public IReadOnlySet<string> NumericFields { get; init; } = new HashSet<string>();
}

/// <summary>What a reader makes of one record: a row to clean, or a record it could not read.</summary>
public readonly record struct FilmReadResult(FilmSourceRow? Row, RejectedRow? Rejected)
{
    public long Line => Row?.Line ?? Rejected!.LineNumber;
}
