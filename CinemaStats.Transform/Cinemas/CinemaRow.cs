using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Cinemas;

/// <summary>One cinema of the reference file, cleaned: trimmed, the name required, the region optional.</summary>
public sealed record CinemaRow(string CinemaId, string Name, string? Region);

/// <summary>A row of the cinemas file read: the cinema, or why it was refused; the line and text either way.</summary>
public readonly record struct CinemaReadResult(CinemaRow? Row, RejectedRow? Rejected, long Line, string RawText);
