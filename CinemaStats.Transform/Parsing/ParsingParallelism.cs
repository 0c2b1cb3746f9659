namespace CinemaStats.Transform.Parsing;

/// <summary>
/// How a block of rows is parsed in parallel: at most one worker per core. Without the cap a
/// parallel loop takes every thread the pool has, and a pool grown by earlier work (another file,
/// blocking I/O) then runs more parsers than cores, which only adds switching.
/// </summary>
public static class ParsingParallelism
{
    public static ParallelOptions PerCore { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
